package xsd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	const schema = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="note" type="xs:string"/>
  <xs:element name="case">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded"><xs:element ref="note"/></xs:choice>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="time" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="suite">
    <xs:complexType>
      <xs:sequence><xs:element ref="case" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`
	path := filepath.Join(t.TempDir(), "s.xsd")
	if err := os.WriteFile(path, []byte(schema), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, doc, wantErr string
	}{
		{"valid", `<suite><case name="a"><note>hi</note></case><case name="b" time="1"/></suite>`, ""},
		{"undeclared attribute", `<suite><case name="a" skipped="1"/></suite>`, `attribute "skipped" is not declared`},
		{"missing required", `<suite><case/></suite>`, `required attribute "name" is missing`},
		{"child not allowed", `<suite><note>x</note></suite>`, "element not allowed in <suite>"},
		{"text not allowed", `<suite>text</suite>`, "text is not allowed"},
		{"unknown root", `<other/>`, "not declared"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := s.Validate(strings.NewReader(tc.doc))
			if tc.wantErr == "" {
				if len(errs) > 0 {
					t.Errorf("want valid, got %v", errs)
				}
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.wantErr) {
				t.Errorf("want one error containing %q, got %v", tc.wantErr, errs)
			}
		})
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// TestWriteIndented checks the indenter against json.Indent, byte for byte.
func TestWriteIndented(t *testing.T) {
	golden, err := os.ReadFile("testdata/json.golden")
	if err != nil {
		t.Fatal(err)
	}
	var compactGolden bytes.Buffer
	if err := json.Compact(&compactGolden, golden); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		in   string
	}{
		{"golden report", compactGolden.String() + "\n"},
		{"scalars", `[1,-2.5e3,true,false,null,"s"]` + "\n"},
		{"empty containers", `{"a":[],"b":{},"c":[{},[]],"d":[[{}]]}` + "\n"},
		{"strings with structure", `{"k,:{}[]":"a \"quoted\" ,:{}[] \\\\ \\\" \u00e9 \\u2028","":""}` + "\n"},
		{"nested", `{"a":{"b":{"c":[1,{"d":[2,3]}]}},"e":"f"}` + "\n"},
		{"top-level string", `"x"` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := json.Indent(&want, []byte(tc.in), "", "  "); err != nil {
				t.Fatalf("test input is not JSON: %v", err)
			}
			if err := writeIndented(&got, []byte(tc.in)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("got\n%s\nwant\n%s", got.Bytes(), want.Bytes())
			}
		})
	}
}

// BenchmarkJSONIndent compares the indenter with json.Indent on a large
// report-shaped document.
func BenchmarkJSONIndent(b *testing.B) {
	type f struct {
		Rule, Resource, Message string
		Controls                []string
		Line                    int
	}
	fs := make([]f, 80000)
	for i := range fs {
		fs[i] = f{"aws.s3.encryption", "module.m.aws_s3_bucket.b", "bucket \"b\" has no default encryption", []string{"cis-aws/2.1.1", "nist/SC-28"}, i}
	}
	src, err := json.Marshal(fs)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json.Indent", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := json.Indent(&buf, src, "", "  "); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("writeIndented", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := writeIndented(&buf, src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

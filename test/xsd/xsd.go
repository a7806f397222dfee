// Package xsd checks XML documents against the subset of XML Schema that
// the JUnit schemas use: global elements referenced by name, complex
// types made of sequences and choices, declared and required attributes,
// and mixed content. It exists for tests: no pure-Go XSD validator is
// available, and the JUnit schemas need only this much. Anything the
// subset does not model (types by name, patterns) is ignored, so a pass
// here means "valid as far as structure and attributes go".
package xsd

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

// Schema is the parsed subset: element declarations by name.
type Schema struct {
	elements map[string]*element
}

type element struct {
	name     string
	children map[string]bool // element names allowed as children
	attrs    map[string]bool // declared attributes -> required
	text     bool            // mixed content or simple type: text allowed
}

// node is a generic XML tree used for both the schema and the document.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// Load reads an XSD file.
func Load(path string) (*Schema, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var root node
	if err := xml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	s := &Schema{elements: map[string]*element{}}
	named := map[string]node{} // named complex types
	for _, n := range root.Nodes {
		if n.XMLName.Local == "complexType" && n.attr("name") != "" {
			named[n.attr("name")] = n
		}
	}
	for _, n := range root.Nodes {
		if n.XMLName.Local == "element" {
			s.elements[n.attr("name")] = s.declare(n, named)
		}
	}
	return s, nil
}

// declare builds an element declaration and registers the local elements
// it declares inline.
func (s *Schema) declare(n node, named map[string]node) *element {
	e := &element{name: n.attr("name"), children: map[string]bool{}, attrs: map[string]bool{}}
	typ := strings.TrimPrefix(n.attr("type"), "xs:")
	if t, ok := named[n.attr("type")]; ok {
		s.collect(e, t, named)
	} else if typ != "" {
		e.text = true // a simple type
	}
	for _, c := range n.Nodes {
		if c.XMLName.Local == "complexType" {
			s.collect(e, c, named)
		}
	}
	return e
}

// collect walks a complex type: its particles, attributes and extensions.
func (s *Schema) collect(e *element, n node, named map[string]node) {
	if n.attr("mixed") == "true" {
		e.text = true
	}
	for _, c := range n.Nodes {
		switch c.XMLName.Local {
		case "sequence", "choice", "complexContent":
			s.collect(e, c, named)
		case "extension":
			if base, ok := named[c.attr("base")]; ok {
				s.collect(e, base, named)
			}
			s.collect(e, c, named)
		case "element":
			name := c.attr("ref")
			if name == "" {
				name = c.attr("name")
				if _, global := s.elements[name]; !global {
					s.elements[e.name+"/"+name] = s.declare(c, named)
				}
			}
			e.children[name] = true
		case "attribute":
			e.attrs[c.attr("name")] = c.attr("use") == "required"
		}
	}
}

// Validate reads one XML document and returns every violation found.
func (s *Schema) Validate(r io.Reader) []error {
	var doc node
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return []error{fmt.Errorf("parse: %w", err)}
	}
	e := s.elements[doc.XMLName.Local]
	if e == nil {
		return []error{fmt.Errorf("root element <%s> is not declared", doc.XMLName.Local)}
	}
	return s.check(doc, e, "/"+doc.XMLName.Local, nil)
}

func (s *Schema) check(n node, e *element, path string, errs []error) []error {
	seen := map[string]bool{}
	for _, a := range n.Attrs {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		seen[a.Name.Local] = true
		if _, ok := e.attrs[a.Name.Local]; !ok {
			errs = append(errs, fmt.Errorf("%s: attribute %q is not declared", path, a.Name.Local))
		}
	}
	for name, required := range e.attrs {
		if required && !seen[name] {
			errs = append(errs, fmt.Errorf("%s: required attribute %q is missing", path, name))
		}
	}
	if !e.text && strings.TrimSpace(n.Text) != "" {
		errs = append(errs, fmt.Errorf("%s: text is not allowed here", path))
	}
	for i, c := range n.Nodes {
		name := c.XMLName.Local
		cpath := fmt.Sprintf("%s/%s[%d]", path, name, i)
		if !e.children[name] {
			errs = append(errs, fmt.Errorf("%s: element not allowed in <%s>", cpath, e.name))
			continue
		}
		ce := s.elements[e.name+"/"+name]
		if ce == nil {
			ce = s.elements[name]
		}
		if ce == nil {
			errs = append(errs, fmt.Errorf("%s: element is not declared", cpath))
			continue
		}
		errs = s.check(c, ce, cpath, errs)
	}
	return errs
}

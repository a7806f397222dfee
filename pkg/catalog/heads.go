package catalog

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The heads table: a lazily loaded catalog (Options.Lazy, MetadataOnly)
// parses the head of each embedded module, its METADATA and package
// clause (addHeads). The METADATA's YAML is three quarters of that, and
// the heads of the built-in library were half the CPU of a scan of a
// small plan (50 ms of its 210), for an answer that only changes with the
// library. So the heads of the built-in modules are parsed ahead of time,
// into heads.json (TestHeadsTable writes it under -update and fails when
// it is stale), each under the digest of its text: a head whose text the
// table does not hold, from a rule edited since or from outside the
// built-ins, is parsed as before.

//go:embed heads.json
var headsJSON []byte

// headEntry is one module's head as the parser makes it (Rego v1, with
// its METADATA): its package, where its clause starts, and its
// annotations. File only helps a reader of the table.
type headEntry struct {
	File        string           `json:"file"`
	Package     []string         `json:"package"` // after data
	Row         int              `json:"row"`
	Col         int              `json:"col"`
	Annotations []headAnnotation `json:"annotations,omitempty"`
}

// headAnnotation is an annotation of a head in the table: the fields of
// ast.Annotations that the built-in METADATA uses, and where it starts,
// which OPA leaves out of its JSON. A head whose annotations use another
// field is not put in the table (tableable).
type headAnnotation struct {
	Scope       string         `json:"scope"`
	Title       string         `json:"title,omitempty"`
	Description string         `json:"description,omitempty"`
	Related     []string       `json:"related_resources,omitempty"`
	Custom      map[string]any `json:"custom,omitempty"`
	Row         int            `json:"row"`
	Col         int            `json:"col"`
}

// headDigest is the key of a head's text in the table.
func headDigest(head []byte) string {
	sum := sha256.Sum256(head)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// builtinHeads is the embedded table by digest, each entry decoded only
// when a load asks for it: a scan of manifests asks for a few.
var builtinHeads = sync.OnceValue(func() map[string]json.RawMessage {
	var byDigest map[string]json.RawMessage
	if json.Unmarshal(headsJSON, &byDigest) != nil {
		return nil // TestHeadsTable fails on it
	}
	return byDigest
})

// tableHead is the module the parser makes of head, a module's text up to
// its package clause, named name, when the table holds it; nil otherwise.
// Each call returns a module of its own: the catalog relocates it.
func tableHead(name string, head []byte) *ast.Module {
	raw, ok := builtinHeads()[headDigest(head)]
	if !ok {
		return nil
	}
	var e headEntry
	if json.Unmarshal(raw, &e) != nil {
		return nil
	}
	m, err := e.module(name)
	if err != nil {
		return nil
	}
	return m
}

// module is the head e describes, located in file name.
func (e headEntry) module(name string) (*ast.Module, error) {
	path := ast.Ref{ast.DefaultRootDocument.Copy()}
	for _, s := range e.Package {
		path = append(path, ast.StringTerm(s))
	}
	m := &ast.Module{Package: &ast.Package{Path: path, Location: &ast.Location{File: name, Row: e.Row, Col: e.Col}}}
	for _, h := range e.Annotations {
		a := &ast.Annotations{Scope: h.Scope, Title: h.Title, Description: h.Description, Custom: h.Custom,
			Location: &ast.Location{File: name, Row: h.Row, Col: h.Col}}
		for _, ref := range h.Related {
			u, err := url.Parse(ref)
			if err != nil {
				return nil, err
			}
			a.RelatedResources = append(a.RelatedResources, &ast.RelatedResourceAnnotation{Ref: *u})
		}
		m.Annotations = append(m.Annotations, a)
	}
	m.SetRegoVersionSpan(ast.RegoVersionSpanOf(ast.RegoV1))
	return m, nil
}

// newHeadEntry describes m, the parsed head of file; ok is false when the
// table cannot hold it whole (tableable).
func newHeadEntry(file string, m *ast.Module) (e headEntry, ok bool) {
	e = headEntry{File: file, Row: m.Package.Location.Row, Col: m.Package.Location.Col}
	for _, t := range m.Package.Path[1:] {
		s, isString := t.Value.(ast.String)
		if !isString {
			return e, false
		}
		e.Package = append(e.Package, string(s))
	}
	for _, a := range m.Annotations {
		if !tableable(a) {
			return e, false
		}
		h := headAnnotation{Scope: a.Scope, Title: a.Title, Description: a.Description, Custom: a.Custom, Row: a.Location.Row, Col: a.Location.Col}
		for _, rr := range a.RelatedResources {
			h.Related = append(h.Related, rr.Ref.String())
		}
		e.Annotations = append(e.Annotations, h)
	}
	return e, true
}

// tableable tells whether headAnnotation holds all of a.
func tableable(a *ast.Annotations) bool {
	for _, rr := range a.RelatedResources {
		if rr.Description != "" {
			return false
		}
	}
	return a.Location != nil && !a.Entrypoint && len(a.Organizations) == 0 && len(a.Authors) == 0 &&
		len(a.Schemas) == 0 && a.Compile == nil && len(a.Labels) == 0
}

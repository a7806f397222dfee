package engine

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/internal/parallel"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// resourceTerms converts each resource of doc (each that need marks, when
// not nil) to OPA's value form, with n goroutines (one per document is
// enough for a small one). The maps are already plain JSON values, so no
// JSON round trip is needed, as ast.InterfaceToValue takes for Go structs.
func resourceTerms(doc input.Document, n int, need []bool) ([]*ast.Term, error) {
	terms := make([]*ast.Term, len(doc.Resources))
	// convert converts the resources in [lo, hi).
	convert := func(lo, hi int) error {
		in := newInterner()
		for i := lo; i < hi; i++ {
			if need != nil && !need[i] {
				continue
			}
			t, err := in.term(resourceMap(doc.Resources[i]))
			if err != nil {
				return fmt.Errorf("convert input: %w", err)
			}
			terms[i] = t
		}
		return nil
	}
	if n <= 1 {
		return terms, convert(0, len(terms))
	}
	errs := make([]error, n)
	parallel.Ranges(n, len(terms), func(w, lo, hi int) { errs[w] = convert(lo, hi) })
	return terms, errors.Join(errs...)
}

// sourceTerm is doc's source object in OPA's value form.
func sourceTerm(doc input.Document) (*ast.Term, error) {
	v, err := ast.InterfaceToValue(sourceMap(doc))
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	return ast.NewTerm(sortKeys(v)), nil
}

// shardValue is the input document of a shard: doc with only the resources
// at positions sel (all of them for nil sel), sharing the converted terms.
// It is also the whole document of an unsharded evaluation.
func shardValue(doc input.Document, source *ast.Term, terms []*ast.Term, sel []int) ast.Value {
	resources := terms
	if sel != nil {
		resources = make([]*ast.Term, len(sel))
		for i, j := range sel {
			resources[i] = terms[j]
		}
	}
	return objectTerm([][2]*ast.Term{
		{ast.StringTerm("schema"), ast.StringTerm(doc.Schema)},
		{ast.StringTerm("source"), source},
		{ast.StringTerm("resources"), ast.ArrayTerm(resources...)},
	}).Value
}

func resourceMap(r input.Resource) map[string]any {
	m := map[string]any{
		"address":  r.Address,
		"type":     r.Type,
		"name":     r.Name,
		"action":   r.Action,
		"values":   r.Values,
		"location": locationMap(r.Location),
	}
	setString(m, "config_address", r.ConfigAddress)
	setString(m, "namespace", r.Namespace)
	setString(m, "provider", r.Provider)
	setString(m, "module", r.Module)
	setString(m, "mode", r.Mode)
	if r.Index != nil {
		m["index"] = r.Index
	}
	if len(r.Unknown) > 0 {
		m["unknown"] = r.Unknown
	}
	if len(r.Sensitive) > 0 {
		m["sensitive"] = r.Sensitive
	}
	if r.Before != nil {
		m["before"] = r.Before
	}
	if len(r.Refs) > 0 {
		refs := make(map[string]any, len(r.Refs))
		for k, v := range r.Refs {
			refs[k] = v
		}
		m["refs"] = refs
	}
	if r.Configured != nil {
		m["configured"] = r.Configured // [] too: the configuration shows the resource
	}
	return m
}

func locationMap(l input.Location) map[string]any {
	m := map[string]any{"file": l.File, "line": l.Line}
	if len(l.Attributes) > 0 {
		attrs := make(map[string]any, len(l.Attributes))
		for k, v := range l.Attributes {
			attrs[k] = v
		}
		m["attributes"] = attrs
	}
	return m
}

func sourceMap(doc input.Document) map[string]any {
	src := map[string]any{"path": doc.Source.Path, "format": string(doc.Source.Format)}
	setString(src, "format_version", doc.Source.FormatVersion)
	setString(src, "tool_version", doc.Source.ToolVersion)
	if doc.Source.Documents > 0 {
		src["documents"] = doc.Source.Documents
	}
	return src
}

func setString(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}

// decodeFindings reads a rule's value: a set of objects ({"msg",
// "resource", "attribute"}) or of strings (conftest style), or a boolean
// for a rule like `deny if { ... }`.
func decodeFindings(v any, ev catalog.Eval) []finding.Finding {
	switch t := v.(type) {
	case bool:
		if t {
			return []finding.Finding{{Message: ev.Ref}}
		}
		return nil
	case []any:
		out := make([]finding.Finding, 0, len(t))
		for _, x := range t {
			out = append(out, decodeFinding(x))
		}
		return out
	case map[string]any:
		// A partial object rule: each value is a finding.
		out := make([]finding.Finding, 0, len(t))
		for _, x := range t {
			out = append(out, decodeFinding(x))
		}
		return out
	case string:
		return []finding.Finding{{Message: t}}
	}
	return []finding.Finding{{Message: fmt.Sprint(v)}}
}

func decodeFinding(x any) finding.Finding {
	switch t := x.(type) {
	case string:
		return finding.Finding{Message: t}
	case map[string]any:
		f := finding.Finding{}
		f.Message, _ = t["msg"].(string)
		if f.Message == "" {
			f.Message, _ = t["message"].(string)
		}
		f.Resource, _ = t["resource"].(string)
		f.Attribute, _ = t["attribute"].(string)
		if f.Message == "" {
			f.Message = fmt.Sprint(x)
		}
		for k, v := range t {
			switch k {
			case "msg", "message", "resource", "attribute":
			default:
				if f.Metadata == nil {
					f.Metadata = map[string]any{}
				}
				f.Metadata[k] = v
			}
		}
		return f
	}
	return finding.Finding{Message: fmt.Sprint(x)}
}

// documentName names the ith of n documents of a file for the findings of
// conftest-style rules (finding.Finding.Document): the address of the
// Kubernetes object it is, which stays the same when documents are added
// or moved, else its position when the file has several.
func documentName(format input.Format, raw any, i, n int) string {
	if obj, ok := raw.(map[string]any); ok && format == input.FormatKubernetes {
		kind, _ := obj["kind"].(string)
		if kind != "" && kind != "List" && input.ObjectName(obj) != "" {
			return input.ObjectAddress(obj)
		}
	}
	if n > 1 {
		return "#" + strconv.Itoa(i+1)
	}
	return ""
}

// releaseValues drops the Go values of doc's resources (EvalReleasing),
// keeping those of resources with sensitive values.
func releaseValues(doc input.Document) {
	for i := range doc.Resources {
		if r := &doc.Resources[i]; len(r.Sensitive) == 0 {
			r.Values, r.Before = nil, nil
		}
	}
}

package tfconfig

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Raw is the configuration of dir as conftest's HCL 2 parser shows it to
// policies, so that conftest-style policies written for .tf files read the
// same document: blocks nested by type and labels, each ending in a list
// of bodies ({"resource": {"aws_s3_bucket": {"b": [{...}]}}}), literal
// values as values, every other expression as its source text in "${...}"
// (a string template as written). The files of the directory are merged;
// only, when set, keeps that one file. JSON files are decoded as they are.
func Raw(dir, only string, read func(string) ([]byte, error)) (map[string]any, error) {
	files, _, err := configFiles(dir)
	if err != nil {
		return nil, &Error{File: dir, Msg: readError(err)}
	}
	out := map[string]any{}
	for _, path := range files {
		if only != "" && path != only {
			continue
		}
		data, err := read(path)
		if err != nil {
			return nil, &Error{File: path, Msg: readError(err)}
		}
		if strings.HasSuffix(path, ".json") {
			var v map[string]any
			if err := json.Unmarshal(data, &v); err != nil {
				return nil, &Error{File: path, Msg: err.Error()}
			}
			merge(out, v)
			continue
		}
		body, err := RawFile(path, data)
		if err != nil {
			return nil, err
		}
		merge(out, body)
	}
	return out, nil
}

// RawFile is one HCL file (data, named name in errors) as Raw shows it.
func RawFile(name string, data []byte) (map[string]any, error) {
	f, diags := hclparse.NewParser().ParseHCL(data, name)
	if diags.HasErrors() {
		return nil, diagError(diags)
	}
	return rawBody(f.Body.(*hclsyntax.Body), data), nil
}

// merge adds src into dst: objects merge key by key, lists concatenate.
func merge(dst, src map[string]any) {
	for k, v := range src {
		old, ok := dst[k]
		if !ok {
			dst[k] = v
			continue
		}
		switch o := old.(type) {
		case map[string]any:
			if m, ok := v.(map[string]any); ok {
				merge(o, m)
				continue
			}
		case []any:
			if l, ok := v.([]any); ok {
				dst[k] = append(o, l...)
				continue
			}
		}
		dst[k] = v
	}
}

func rawBody(b *hclsyntax.Body, src []byte) map[string]any {
	out := map[string]any{}
	for name, a := range b.Attributes {
		out[name] = rawExpr(a.Expr, src)
	}
	for _, blk := range b.Blocks {
		m := out
		for _, key := range append([]string{blk.Type}, blk.Labels...)[:len(blk.Labels)] {
			next, ok := m[key].(map[string]any)
			if !ok {
				next = map[string]any{}
				m[key] = next
			}
			m = next
		}
		last := blk.Type
		if len(blk.Labels) > 0 {
			last = blk.Labels[len(blk.Labels)-1]
		}
		list, _ := m[last].([]any)
		m[last] = append(list, rawBody(blk.Body, src))
	}
	return out
}

func rawExpr(e hclsyntax.Expression, src []byte) any {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		var acc accumulator
		return acc.known(e.Val, "")
	case *hclsyntax.TemplateExpr:
		if e.IsStringLiteral() {
			v, _ := e.Value(nil)
			return v.AsString()
		}
		r := e.Range()
		text := string(r.SliceBytes(src))
		return strings.TrimSuffix(strings.TrimPrefix(text, `"`), `"`)
	case *hclsyntax.TupleConsExpr:
		out := make([]any, 0, len(e.Exprs))
		for _, x := range e.Exprs {
			out = append(out, rawExpr(x, src))
		}
		return out
	case *hclsyntax.ObjectConsExpr:
		out := map[string]any{}
		for _, item := range e.Items {
			k, diags := item.KeyExpr.Value(nil)
			var key string
			if !diags.HasErrors() && k.Type().FriendlyName() == "string" && k.IsKnown() && !k.IsNull() {
				key = k.AsString()
			} else {
				key = "${" + string(item.KeyExpr.Range().SliceBytes(src)) + "}"
			}
			out[key] = rawExpr(item.ValueExpr, src)
		}
		return out
	}
	return "${" + string(e.Range().SliceBytes(src)) + "}"
}

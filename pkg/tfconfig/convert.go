package tfconfig

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// value converts v, the value at path, to what a plan's JSON decodes to
// (json.Number for numbers), recording the unknown and sensitive paths
// under it. It reports false when v is wholly unknown: the attribute is
// then absent, as in a plan's planned values.
func (acc *accumulator) value(v cty.Value, path string) (any, bool) {
	v, marks := v.UnmarkDeepWithPaths()
	for _, pm := range marks {
		if _, ok := pm.Marks[sensitive]; ok {
			if sub := pathString(pm.Path); sub != "" {
				acc.sensitive = append(acc.sensitive, path+"."+sub)
			} else {
				acc.sensitive = append(acc.sensitive, path)
			}
		}
	}
	if !v.IsKnown() || !representable(v) {
		acc.unknown = append(acc.unknown, path)
		return nil, false
	}
	return acc.known(v, path), true
}

func (acc *accumulator) known(v cty.Value, path string) any {
	if !v.IsKnown() || !representable(v) {
		acc.unknown = append(acc.unknown, path)
		return nil
	}
	if v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Number:
		return numberText(v)
	case ty == cty.Bool:
		return v.True()
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, acc.known(e, path+"."+strconv.Itoa(len(out))))
		}
		return out
	case ty.IsMapType() || ty.IsObjectType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			if !e.IsKnown() || !representable(e) {
				acc.unknown = append(acc.unknown, path+"."+name)
				continue
			}
			out[name] = acc.known(e, path+"."+name)
		}
		return out
	}
	return nil // capsule types: none reaches here
}

// pathString is a cty path in the dotted form of Resource.Unknown.
func pathString(p cty.Path) string {
	var parts []string
	for _, s := range p {
		switch s := s.(type) {
		case cty.GetAttrStep:
			parts = append(parts, s.Name)
		case cty.IndexStep:
			switch s.Key.Type() {
			case cty.String:
				parts = append(parts, s.Key.AsString())
			case cty.Number:
				parts = append(parts, s.Key.AsBigFloat().Text('f', -1))
			}
		}
	}
	return strings.Join(parts, ".")
}

// providerName is the local name of the provider of a resource type or a
// provider config key: "aws" for aws_s3_bucket and aws.west.
func providerName(s string) string {
	if i := strings.IndexAny(s, "_."); i >= 0 {
		return s[:i]
	}
	return s
}

// sourceOf is the provider's source address as a plan names it.
func (m *module) sourceOf(name string) string {
	src, ok := m.sources[name]
	if !ok {
		src = "hashicorp/" + name
	}
	if strings.Count(src, "/") == 1 {
		src = "registry.terraform.io/" + src
	}
	return src
}

// defaultTags is the tags of a provider's default_tags block, evaluated in
// this instance, or cty.NilVal.
func (i *instance) defaultTags(body hcl.Body) cty.Value {
	content, _, _ := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "default_tags"}}})
	for _, b := range content.Blocks {
		attrs, _ := b.Body.JustAttributes()
		if a, ok := attrs["tags"]; ok {
			return i.eval(a.Expr, nil)
		}
	}
	return cty.NilVal
}

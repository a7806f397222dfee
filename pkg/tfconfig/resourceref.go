package tfconfig

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// resourceType is the value of the resource type typ as the traversals ts
// read it: a plan knows the attributes of a resource that its
// configuration sets (aws_vpc.main.cidr_block written as a literal), so
// they are known here too; every other attribute (id, arn, what the
// provider computes) is unknown. A reference to a whole resource, to an
// instance of one with count or for_each, or to an attribute inside a
// nested block is unknown.
func (i *instance) resourceType(typ string, ts []hcl.Traversal) cty.Value {
	byName := map[string]map[string]cty.Value{}
	for _, t := range ts {
		if len(t) < 3 {
			return cty.DynamicVal
		}
		name, ok1 := t[1].(hcl.TraverseAttr)
		attr, ok2 := t[2].(hcl.TraverseAttr)
		if !ok1 || !ok2 {
			return cty.DynamicVal
		}
		if byName[name.Name] == nil {
			byName[name.Name] = map[string]cty.Value{}
		}
		byName[name.Name][attr.Name] = i.resourceAttr(typ, name.Name, attr.Name)
	}
	out := make(map[string]cty.Value, len(byName))
	for name, attrs := range byName {
		out[name] = cty.ObjectVal(attrs)
	}
	return cty.ObjectVal(out)
}

// resourceAttr is the value that the configuration gives attribute attr
// of the managed resource typ.name in this module, or unknown.
func (i *instance) resourceAttr(typ, name, attr string) cty.Value {
	key := typ + "." + name + "." + attr
	switch i.attrState[key] {
	case running:
		return cty.DynamicVal
	case done:
		return i.attrs[key]
	}
	i.attrState[key] = running
	v := cty.DynamicVal
	for _, r := range i.mod.resources {
		if r.mode != "managed" || r.typ != typ || r.name != name || r.count != nil || r.forEach != nil {
			continue
		}
		if b, ok := r.body.(*hclsyntax.Body); ok && !skipped[attr] {
			if a, ok := b.Attributes[attr]; ok {
				v = i.eval(a.Expr, nil)
			}
		}
	}
	i.attrs[key], i.attrState[key] = v, done
	return v
}

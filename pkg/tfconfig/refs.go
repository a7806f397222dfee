package tfconfig

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// maxRefDepth bounds how many variables, locals and outputs one reference
// is followed through.
const maxRefDepth = 32

// refs are the config addresses of the resources and data sources that
// expr refers to, followed through variables, locals and module outputs,
// sorted. Names bound in extra (count, each, iterators) are not
// references.
func (i *instance) refs(expr hcl.Expression, extra map[string]cty.Value) []string {
	if expr == nil {
		return nil
	}
	var out []string
	for _, t := range expr.Variables() {
		if _, ok := extra[t.RootName()]; ok {
			continue
		}
		out = append(out, i.traversalRefs(t, 0)...)
	}
	return sortedUnique(out)
}

func (i *instance) traversalRefs(t hcl.Traversal, depth int) []string {
	if depth > maxRefDepth {
		return nil
	}
	root := t.RootName()
	name, ok := attrName(t)
	switch root {
	case "var":
		if ok {
			return i.varRefs[name]
		}
		return nil
	case "local":
		if !ok {
			return nil
		}
		if r, done := i.localRefs[name]; done {
			return r
		}
		a := i.mod.locals[name]
		if a == nil {
			return nil
		}
		i.localRefs[name] = nil // a cycle ends here
		var out []string
		for _, t := range a.Expr.Variables() {
			out = append(out, i.traversalRefs(t, depth+1)...)
		}
		out = sortedUnique(out)
		i.localRefs[name] = out
		return out
	case "module":
		if !ok {
			return nil
		}
		out, found := i.outputRefs(name, t, depth)
		if found {
			return out
		}
		return nil
	case "data":
		if len(t) < 3 || !ok {
			return nil
		}
		if n, ok := t[2].(hcl.TraverseAttr); ok {
			return []string{i.prefix + "data." + name + "." + n.Name}
		}
		return nil
	case "count", "each", "self", "path", "terraform":
		return nil
	}
	if !ok {
		return nil
	}
	return []string{i.prefix + root + "." + name}
}

// outputRefs follows module.<name>.<output> into the called module's
// first instance: every instance has the same expressions.
func (i *instance) outputRefs(name string, t hcl.Traversal, depth int) ([]string, bool) {
	i.call(name)
	children := i.children[name]
	if len(children) == 0 {
		return nil, false
	}
	// module.a.out, module.a[0].out and module.a["k"].out
	var out string
	for _, s := range t[2:] {
		if a, ok := s.(hcl.TraverseAttr); ok {
			out = a.Name
			break
		}
	}
	child := children[0]
	o := child.mod.outputs[out]
	if o == nil {
		return nil, false
	}
	var refs []string
	for _, t := range o.Expr.Variables() {
		refs = append(refs, child.traversalRefs(t, depth+1)...)
	}
	return sortedUnique(refs), true
}

func sortedUnique(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	sort.Strings(s)
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

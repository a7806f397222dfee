package tfconfig

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// instance is one instance of a module: the root, or one key of a module
// call. Locals and calls are evaluated when first referred to, so that
// the order they are written in does not matter; a cycle is unknown.
type instance struct {
	l      *loader
	mod    *module
	addr   string // "module.a[0]", "" for the root
	prefix string // config address prefix: "module.a." (no keys), "" for the root
	parent *instance
	depth  int

	vars    map[string]cty.Value
	varRefs map[string][]string // child modules: what each argument refers to

	locals     map[string]cty.Value
	localState map[string]state
	localRefs  map[string][]string

	calls     map[string]cty.Value // module call name -> its outputs
	callState map[string]state
	children  map[string][]*instance
	callErr   error // a limit passed or a file that does not parse in a called module

	outputs map[string]cty.Value

	attrs     map[string]cty.Value // "type.name.attr" -> a resource attribute's value
	attrState map[string]state

	providers map[string]provider // provider config key ("aws", "aws.west")
}

type state int

const (
	pending state = iota
	running
	done
)

// provider is what tenet reads of a provider configuration.
type provider struct {
	source      string
	defaultTags cty.Value // cty.NilVal when none
}

func (i *instance) init() {
	i.locals, i.localState, i.localRefs = map[string]cty.Value{}, map[string]state{}, map[string][]string{}
	i.calls, i.callState, i.children = map[string]cty.Value{}, map[string]state{}, map[string][]*instance{}
	i.outputs = map[string]cty.Value{}
	i.attrs, i.attrState = map[string]cty.Value{}, map[string]state{}
	if i.providers == nil {
		i.providers = map[string]provider{}
	}
	// A module's own provider blocks (legacy in child modules) configure
	// its resources in place of those it inherits.
	for key, body := range i.mod.providers {
		i.providers[key] = provider{source: i.mod.sourceOf(providerName(key)), defaultTags: i.defaultTags(body)}
	}
}

// evalCtx is the evaluation context for expr: variables, the locals and
// module outputs it refers to, and extra (count, each, iterators).
// Resources and data sources are unknown before apply.
func (i *instance) evalCtx(expr hcl.Expression, extra map[string]cty.Value) *hcl.EvalContext {
	vars := map[string]cty.Value{}
	locals := map[string]cty.Value{}
	modules := map[string]cty.Value{}
	resources := map[string][]hcl.Traversal{}
	for _, t := range expr.Variables() {
		root := t.RootName()
		if _, ok := extra[root]; ok {
			continue
		}
		switch root {
		case "var":
			vars["var"] = cty.ObjectVal(i.vars)
		case "local":
			if name, ok := attrName(t); ok {
				locals[name] = i.local(name)
			}
		case "module":
			if name, ok := attrName(t); ok {
				modules[name] = i.call(name)
			}
		case "path":
			vars["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(i.mod.dir), "root": cty.StringVal(i.l.root), "cwd": cty.StringVal("."),
			})
		case "terraform":
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "data", "self", "count", "each":
			// Data sources, and self, count and each outside of a
			// resource: known only when planning.
			vars[root] = cty.DynamicVal
		default:
			resources[root] = append(resources[root], t)
		}
	}
	for typ, ts := range resources {
		vars[typ] = i.resourceType(typ, ts)
	}
	vars["local"] = cty.ObjectVal(locals)
	vars["module"] = cty.ObjectVal(modules)
	for k, v := range extra {
		vars[k] = v
	}
	return &hcl.EvalContext{Variables: vars, Functions: functions()}
}

// eval is the value of expr, unknown when it cannot be evaluated.
func (i *instance) eval(expr hcl.Expression, extra map[string]cty.Value) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	v, diags := expr.Value(i.evalCtx(expr, extra))
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// local is the value of local.name.
func (i *instance) local(name string) cty.Value {
	a, ok := i.mod.locals[name]
	if !ok {
		return cty.DynamicVal
	}
	switch i.localState[name] {
	case running:
		return cty.DynamicVal // a cycle: Terraform refuses it; here it is unknown
	case done:
		return i.locals[name]
	}
	i.localState[name] = running
	v := i.eval(a.Expr, nil)
	i.locals[name], i.localState[name] = v, done
	return v
}

// output is the value of output name of this instance.
func (i *instance) output(name string) cty.Value {
	if v, ok := i.outputs[name]; ok {
		return v
	}
	i.outputs[name] = cty.DynamicVal // a cycle through this output is unknown
	v := i.eval(i.mod.outputs[name].Expr, nil)
	i.outputs[name] = v
	return v
}

// outputsValue is the object of every output of this instance.
func (i *instance) outputsValue() cty.Value {
	out := map[string]cty.Value{}
	for name := range i.mod.outputs {
		out[name] = i.output(name)
	}
	return cty.ObjectVal(out)
}

func attrName(t hcl.Traversal) (string, bool) {
	if len(t) < 2 {
		return "", false
	}
	a, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	return a.Name, true
}

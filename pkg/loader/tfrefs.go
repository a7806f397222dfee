package loader

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
)

// config is the part of a plan's configuration that references are
// resolved from: modules, their resources, calls and outputs, and the
// references of each expression. It reads the same JSON as tfjson.Config,
// whose Expression decodes every expression two or three times over (once
// per nesting level) and keeps the constant values, which tenet takes from
// the planned values instead: on the generated 10,000-resource plan it was
// most of the loading time.
type config struct {
	RootModule *configModule `json:"root_module"`
}

type configModule struct {
	Resources   []*configResource      `json:"resources"`
	ModuleCalls map[string]*moduleCall `json:"module_calls"`
	Outputs     map[string]*output     `json:"outputs"`
}

type configResource struct {
	Address string `json:"address"`
	// Expressions are kept raw: most hold only constants, and decoding
	// them into expressions (one more pass over their bytes per level of
	// nested blocks) was most of the time to read a configuration.
	Expressions map[string]rawExpression `json:"expressions"`
}

// rawExpression is an expression kept as written, as json.RawMessage
// keeps it; it names its type so that the key check knows what it holds.
type rawExpression []byte

// UnmarshalJSON keeps a copy of b.
func (r *rawExpression) UnmarshalJSON(b []byte) error {
	*r = append((*r)[:0], b...)
	return nil
}

func (*rawExpression) fillKeySchema(b *schemaBuilder, s *keySchema) {
	*s = *b.of(reflect.TypeFor[expression]())
}

type moduleCall struct {
	Expressions map[string]*expression `json:"expressions"`
	Module      *configModule          `json:"module"`
}

type output struct {
	Expression *expression `json:"expression"`
}

// expression is one attribute's expression: the references it makes, or,
// for a nested block, the block's own expressions, one map per block.
type expression struct {
	References   []string
	NestedBlocks []map[string]*expression
}

// fillKeySchema describes what UnmarshalJSON reads: an object's
// "references", or a list of nested blocks.
func (*expression) fillKeySchema(b *schemaBuilder, s *keySchema) {
	*s = *b.of(reflect.TypeFor[expressionObject]())
	s.elems = b.of(reflect.TypeFor[map[string]*expression]())
}

// expressionObject is the part of an expression object that is read.
type expressionObject struct {
	References []string `json:"references"`
}

// UnmarshalJSON reads {"references": [...], "constant_value": ...} or a
// list of nested blocks, decoding each byte once.
func (e *expression) UnmarshalJSON(b []byte) error {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, &e.NestedBlocks)
	}
	var data expressionObject
	if err := json.Unmarshal(b, &data); err != nil {
		return err
	}
	e.References = data.References
	return nil
}

// maxRefDepth bounds how many variables and outputs one reference is
// followed through; real configurations need a handful.
const maxRefDepth = 32

// moduleScope is one module instance of the configuration: its address
// prefix ("module.a." or ""), its body, and how it was called.
type moduleScope struct {
	prefix string
	module *configModule
	call   *moduleCall // nil for the root module
	parent *moduleScope
}

// configRefs resolves, for every resource of the configuration, which
// resources each attribute's expression refers to. The result is keyed by
// config address, then by dotted attribute path.
func configRefs(cfg *config) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	walkConfig(cfg, func(s *moduleScope, r *configResource) {
		refs := map[string][]string{}
		collectExpressions(s, "", referring(r.Expressions), refs)
		if len(refs) > 0 {
			out[s.prefix+r.Address] = refs
		}
	})
	return out
}

// walkConfig calls visit for every resource of the configuration, in
// every module, with the module instance that holds it.
func walkConfig(cfg *config, visit func(s *moduleScope, r *configResource)) {
	if cfg == nil || cfg.RootModule == nil {
		return
	}
	var walk func(s *moduleScope)
	walk = func(s *moduleScope) {
		for _, r := range s.module.Resources {
			if r != nil {
				visit(s, r)
			}
		}
		names := make([]string, 0, len(s.module.ModuleCalls))
		for name := range s.module.ModuleCalls {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			call := s.module.ModuleCalls[name]
			if call == nil || call.Module == nil {
				continue
			}
			walk(&moduleScope{prefix: s.prefix + "module." + name + ".", module: call.Module, call: call, parent: s})
		}
	}
	walk(&moduleScope{module: cfg.RootModule})
}

// referring decodes the expressions of raw that make references: an
// expression without the key "references" anywhere in it has none.
func referring(raw map[string]rawExpression) map[string]*expression {
	out := map[string]*expression{}
	for key, b := range raw {
		if !bytes.Contains(b, []byte(`"references"`)) {
			continue
		}
		var e *expression
		if json.Unmarshal(b, &e) == nil {
			out[key] = e
		}
	}
	return out
}

func collectExpressions(s *moduleScope, prefix string, exprs map[string]*expression, out map[string][]string) {
	for key, e := range exprs {
		if e == nil {
			continue
		}
		path := join(prefix, key)
		var found []string
		for _, ref := range e.References {
			found = append(found, resolveRef(s, ref, 0)...)
		}
		if len(found) > 0 {
			out[path] = sortedUnique(append(out[path], found...))
		}
		for _, block := range e.NestedBlocks {
			collectExpressions(s, path, block, out)
		}
	}
}

// resolveRef turns one reference, as Terraform lists it in the configuration
// ("aws_s3_bucket.b.id", "var.bucket", "module.logs.bucket_id"), into the
// config addresses of the resources it ends at.
func resolveRef(s *moduleScope, ref string, depth int) []string {
	if s == nil || depth > maxRefDepth {
		return nil
	}
	parts := strings.Split(configAddress(ref), ".")
	switch parts[0] {
	case "var":
		if len(parts) < 2 || s.call == nil {
			return nil
		}
		e := s.call.Expressions[parts[1]]
		if e == nil {
			return nil
		}
		var out []string
		for _, r := range e.References {
			out = append(out, resolveRef(s.parent, r, depth+1)...)
		}
		return out
	case "module":
		if len(parts) < 3 {
			return nil
		}
		call := s.module.ModuleCalls[parts[1]]
		if call == nil || call.Module == nil {
			return nil
		}
		o := call.Module.Outputs[parts[2]]
		if o == nil || o.Expression == nil {
			return nil
		}
		child := &moduleScope{prefix: s.prefix + "module." + parts[1] + ".", module: call.Module, call: call, parent: s}
		var out []string
		for _, r := range o.Expression.References {
			out = append(out, resolveRef(child, r, depth+1)...)
		}
		return out
	case "data":
		if len(parts) < 3 {
			return nil
		}
		return []string{s.prefix + "data." + parts[1] + "." + parts[2]}
	case "local", "each", "count", "path", "self", "terraform":
		return nil
	}
	if len(parts) < 2 {
		return nil
	}
	return []string{s.prefix + parts[0] + "." + parts[1]}
}

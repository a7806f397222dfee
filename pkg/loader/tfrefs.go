package loader

import (
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// maxRefDepth bounds how many variables and outputs one reference is
// followed through; real configurations need a handful.
const maxRefDepth = 32

// moduleScope is one module instance of the configuration: its address
// prefix ("module.a." or ""), its body, and how it was called.
type moduleScope struct {
	prefix string
	module *tfjson.ConfigModule
	call   *tfjson.ModuleCall // nil for the root module
	parent *moduleScope
}

// configRefs resolves, for every resource of the configuration, which
// resources each attribute's expression refers to. The result is keyed by
// config address, then by dotted attribute path.
func configRefs(cfg *tfjson.Config) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	if cfg == nil || cfg.RootModule == nil {
		return out
	}
	var walk func(s *moduleScope)
	walk = func(s *moduleScope) {
		for _, r := range s.module.Resources {
			if r == nil {
				continue
			}
			refs := map[string][]string{}
			collectExpressions(s, "", r.Expressions, refs)
			if len(refs) > 0 {
				out[s.prefix+r.Address] = refs
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
	return out
}

func collectExpressions(s *moduleScope, prefix string, exprs map[string]*tfjson.Expression, out map[string][]string) {
	for key, e := range exprs {
		if e == nil || e.ExpressionData == nil {
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
		if e == nil || e.ExpressionData == nil {
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
		if o == nil || o.Expression == nil || o.Expression.ExpressionData == nil {
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

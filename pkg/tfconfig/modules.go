package tfconfig

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// call is the value of module.name: the outputs of its instance, a tuple
// of them (count) or an object keyed as for_each (for_each). The called
// module's instances are created here, once.
func (i *instance) call(name string) cty.Value {
	c, ok := i.mod.calls[name]
	if !ok {
		return cty.DynamicVal
	}
	switch i.callState[name] {
	case running:
		return cty.DynamicVal
	case done:
		return i.calls[name]
	}
	i.callState[name] = running
	v, err := i.expandCall(c)
	if err != nil && i.callErr == nil {
		i.callErr = err
	}
	i.calls[name], i.callState[name] = v, done
	return v
}

// expandCall creates the instances of call c and returns their outputs.
func (i *instance) expandCall(c *call) (cty.Value, error) {
	addr := i.configPrefix() + "module." + c.name
	dir, reason := i.sourceDir(c)
	if dir == "" {
		i.l.res.Unread = append(i.l.res.Unread, Unread{Address: addr, File: c.rng.Filename, Line: c.rng.Start.Line, Reason: reason})
		return cty.DynamicVal, nil
	}
	if i.depth+1 > maxModuleDepth {
		return cty.DynamicVal, rangeError(c.rng, fmt.Sprintf("module calls nest deeper than %d levels", maxModuleDepth))
	}
	for p := i; p != nil; p = p.parent {
		if filepath.Clean(p.mod.dir) == filepath.Clean(dir) {
			return cty.DynamicVal, rangeError(c.rng, fmt.Sprintf("module %q calls itself (directory %s)", c.name, dir))
		}
	}
	m, err := i.l.module(dir)
	if err != nil {
		return cty.DynamicVal, err
	}
	keys, why := i.expand(c.count, c.forEach, nil)
	if why != "" {
		i.l.res.Unread = append(i.l.res.Unread, Unread{Address: addr, File: c.rng.Filename, Line: c.rng.Start.Line, Reason: why})
		return cty.DynamicVal, nil
	}
	if err := i.l.reserve(len(keys), c.rng); err != nil {
		return cty.DynamicVal, err
	}
	outs := make([]cty.Value, 0, len(keys))
	byKey := map[string]cty.Value{}
	for _, k := range keys {
		child := &instance{l: i.l, mod: m, parent: i, depth: i.depth + 1,
			addr: i.addr + dot(i.addr) + "module." + c.name + k.suffix(), prefix: i.prefix + "module." + c.name + "."}
		child.vars, child.varRefs = i.childVariables(m, c, k.extra)
		child.providers = i.childProviders(c)
		child.init()
		i.children[c.name] = append(i.children[c.name], child)
		out := child.outputsValue()
		outs = append(outs, out)
		if s, ok := k.index.(string); ok {
			byKey[s] = out
		}
	}
	switch {
	case c.forEach != nil:
		return cty.ObjectVal(byKey), nil
	case c.count != nil:
		return cty.TupleVal(outs), nil
	case len(outs) == 1:
		return outs[0], nil
	}
	return cty.DynamicVal, nil
}

func dot(addr string) string {
	if addr == "" {
		return ""
	}
	return "."
}

// configPrefix is the address prefix of this instance without keys.
func (i *instance) configPrefix() string { return i.prefix }

// sourceDir is the directory of the module that c calls, or "" and why
// it is not read: local paths are read, a remote source only when
// `terraform init` has fetched it into .terraform/modules.
func (i *instance) sourceDir(c *call) (string, string) {
	if strings.HasPrefix(c.source, "./") || strings.HasPrefix(c.source, "../") {
		return filepath.Join(i.mod.dir, filepath.FromSlash(c.source)), ""
	}
	key := strings.TrimPrefix(strings.ReplaceAll(i.prefix+"module."+c.name, "module.", ""), ".")
	if dir, ok := i.l.manifest[key]; ok {
		return dir, ""
	}
	return "", fmt.Sprintf("remote module source %q is not fetched (tenet does not download modules): run terraform init, which puts it in .terraform/modules, where tenet reads it", c.source)
}

// readManifest reads .terraform/modules/modules.json, which `terraform
// init` writes: module keys ("a.b" for module.a.module.b) to directories,
// relative to the root module.
func readManifest(root string, read func(string) ([]byte, error)) map[string]string {
	data, err := read(filepath.Join(root, ".terraform", "modules", "modules.json"))
	if err != nil {
		return nil
	}
	var m struct {
		Modules []struct{ Key, Dir string }
	}
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	out := map[string]string{}
	for _, e := range m.Modules {
		if e.Key != "" && e.Dir != "" && !filepath.IsAbs(e.Dir) {
			out[e.Key] = filepath.Join(root, filepath.FromSlash(e.Dir))
		}
	}
	return out
}

// childVariables are the values of the variables of m as call c sets
// them in this instance, with what each argument refers to.
func (i *instance) childVariables(m *module, c *call, extra map[string]cty.Value) (map[string]cty.Value, map[string][]string) {
	vals := map[string]cty.Value{}
	refs := map[string][]string{}
	for name, v := range m.variables {
		var val cty.Value
		if a, ok := c.args[name]; ok {
			val = i.eval(a.Expr, extra)
			if r := i.refs(a.Expr, extra); len(r) > 0 {
				refs[name] = r
			}
		} else {
			val = cty.NullVal(cty.DynamicPseudoType)
		}
		vals[name] = v.finish(val)
	}
	return vals, refs
}

// childProviders are the provider configurations a child module called by
// c uses: those of this instance, or those its providers argument passes.
func (i *instance) childProviders(c *call) map[string]provider {
	out := map[string]provider{}
	for k, p := range i.providers {
		if !strings.Contains(k, ".") {
			out[k] = p
		}
	}
	if c.providers == nil {
		return out
	}
	pairs, diags := hcl.ExprMap(c.providers)
	if diags.HasErrors() {
		return out
	}
	for _, kv := range pairs {
		k, d1 := hcl.AbsTraversalForExpr(kv.Key)
		v, d2 := hcl.AbsTraversalForExpr(kv.Value)
		if d1.HasErrors() || d2.HasErrors() {
			continue
		}
		if p, ok := i.providers[traversalString(v)]; ok {
			out[traversalString(k)] = p
		}
	}
	return out
}

// collect adds the resources of this instance, then of its module calls
// by name and key, to the result.
func (i *instance) collect() error {
	if err := i.resources(); err != nil {
		return err
	}
	names := make([]string, 0, len(i.mod.calls))
	for name := range i.mod.calls {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		i.call(name)
		if i.callErr != nil {
			return i.callErr
		}
		for _, child := range i.children[name] {
			if err := child.collect(); err != nil {
				return err
			}
		}
	}
	return i.callErr
}

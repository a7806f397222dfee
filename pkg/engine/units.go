package engine

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// Units: the modules are compiled per target, each time with only the
// packages that target's rules need, and a target's compile waits for its
// first document. Compiling the whole built-in library takes about 0.3 s,
// most of a run on a few manifests or a Dockerfile, whose rules and the
// library they use are a third of it. Modules from outside the built-ins
// are compiled in New, with what they need, so that a bad policy is still
// an error before any input is read.

// unit is one compiler's modules and, once compiled, the compiler.
type unit struct {
	modules map[string]*ast.Module
	caps    *ast.Capabilities
	custom  bool // it holds a module from outside the built-ins
	print   bool // print() calls are kept (custom units with Options.Print)

	once     sync.Once
	compiler *ast.Compiler
	err      error
}

// compile compiles u's modules once; every caller gets the same compiler
// or error.
func (u *unit) compile() (*ast.Compiler, error) {
	u.once.Do(func() {
		c := ast.NewCompiler().
			WithEnablePrintStatements(u.print).
			WithCapabilities(u.caps)
		if c.Compile(u.modules); c.Failed() {
			u.err = &catalog.PolicyError{Err: fmt.Errorf("compile policies: %w", explainRestricted(c.Errors))}
			return
		}
		u.compiler = c
	})
	return u.compiler, u.err
}

// unitName is the unit a query group compiles in: a target's built-in and
// custom groups share one.
func unitName(group string) string { return strings.TrimSuffix(group, customSuffix) }

// newUnits makes one unit per unit name of plan's groups, each with the
// modules (sandboxed) of the packages its evals are in and of every
// package those refer to, transitively.
func newUnits(cat *catalog.Catalog, plan map[string][]catalog.Eval, caps *ast.Capabilities, print bool) map[string]*unit {
	byPkg := map[string][]string{} // package path to module names
	for name, m := range cat.Modules {
		p := m.Package.Path.String()
		byPkg[p] = append(byPkg[p], name)
	}
	deps := packageDeps(cat.Modules, byPkg)
	roots := map[string]map[string]bool{}
	for group, evs := range plan {
		u := unitName(group)
		if roots[u] == nil {
			roots[u] = map[string]bool{}
		}
		for _, ev := range evs {
			roots[u][ev.Ref[:strings.LastIndex(ev.Ref, ".")]] = true
		}
	}
	units := map[string]*unit{}
	for name, pkgs := range roots {
		u := &unit{modules: map[string]*ast.Module{}, caps: caps}
		queue := make([]string, 0, len(pkgs))
		for p := range pkgs {
			queue = append(queue, p)
		}
		seen := map[string]bool{}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			if seen[p] {
				continue
			}
			seen[p] = true
			for _, m := range byPkg[p] {
				u.modules[m] = sandboxModule(cat.Modules[m])
				u.custom = u.custom || !cat.Builtin[m]
			}
			queue = append(queue, deps[p]...)
		}
		u.print = print && u.custom
		units[name] = u
	}
	return units
}

// packageDeps lists, for every package, the packages its modules may
// refer to: for each reference into data (imports included, which cover
// the names they bind), the packages it lies in or that lie under it. A
// reference that is not ground from data on (data[x]) reaches every
// package.
func packageDeps(modules map[string]*ast.Module, byPkg map[string][]string) map[string][]string {
	pkgs := make([]string, 0, len(byPkg))
	for p := range byPkg {
		pkgs = append(pkgs, p)
	}
	// Sorted, the packages under g are a run from the first at or after
	// g+"."; those g lies in are its prefixes at dots.
	slices.Sort(pkgs)
	out := map[string][]string{}
	for _, m := range modules {
		from := m.Package.Path.String()
		refs := map[string]bool{}
		add := func(r ast.Ref) {
			if r.HasPrefix(ast.DefaultRootRef) {
				refs[constantPrefix(r).String()] = true
			}
		}
		for _, imp := range m.Imports {
			if r, ok := imp.Path.Value.(ast.Ref); ok {
				add(r)
			}
		}
		ast.WalkRefs(m, func(r ast.Ref) bool {
			add(r)
			return false
		})
		deps := map[string]bool{}
		for g := range refs {
			if g == "data" {
				for _, p := range pkgs {
					deps[p] = true
				}
				break
			}
			if _, ok := byPkg[g]; ok {
				deps[g] = true
			}
			for i := range len(g) {
				if g[i] == '.' {
					if _, ok := byPkg[g[:i]]; ok {
						deps[g[:i]] = true
					}
				}
			}
			under := g + "."
			for i, _ := slices.BinarySearch(pkgs, under); i < len(pkgs) && strings.HasPrefix(pkgs[i], under); i++ {
				deps[pkgs[i]] = true
			}
		}
		delete(deps, from)
		for p := range deps {
			out[from] = append(out[from], p)
		}
	}
	return out
}

// constantPrefix is r up to its first term that is not a constant:
// data.a[x].b and data.a[input.k].b are data.a. (OPA's GroundPrefix keeps
// input.k, a ground reference, but its value is only known in evaluation.)
func constantPrefix(r ast.Ref) ast.Ref {
	for i := 1; i < len(r); i++ {
		switch r[i].Value.(type) {
		case ast.String, ast.Number, ast.Boolean, ast.Null:
		default:
			return r[:i]
		}
	}
	return r
}

// sortedUnitNames lists units' names in order, so that the first error of
// a compile in New is the same from run to run.
func sortedUnitNames(units map[string]*unit) []string {
	names := make([]string, 0, len(units))
	for n := range units {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

package engine

import (
	"fmt"
	"maps"
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
// an error before any input is read. From a catalog loaded lazily
// (catalog.Options.Lazy) and holding only built-ins, a unit also finds
// its modules when it first compiles, and parses only those.

// unit is one compiler's modules and, once compiled, the compiler.
type unit struct {
	// modules are set by newUnits, or by resolve on the first compile.
	modules map[string]*ast.Module
	resolve func() (map[string]*ast.Module, error)
	opts    unitOptions
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
		if u.modules == nil {
			if u.modules, u.err = u.resolve(); u.err != nil {
				return
			}
		}
		c := ast.NewCompiler().
			WithEnablePrintStatements(u.print).
			WithCapabilities(u.opts.caps)
		if !u.custom && !u.opts.checkAll {
			c = c.WithSkipStages(checkStages...)
		}
		if c.Compile(u.modules); c.Failed() {
			u.err = &catalog.PolicyError{Err: fmt.Errorf("compile policies: %w", explainRestricted(c.Errors))}
			return
		}
		// The compiler holds its own copies: the parsed modules can go
		// (catalog.Parsed holds them weakly).
		u.compiler, u.modules = c, nil
	})
	return u.compiler, u.err
}

// unitOptions are how an engine's units compile.
type unitOptions struct {
	caps *ast.Capabilities
	// print keeps the print() calls of the units that hold modules from
	// outside the built-ins (Options.Print).
	print bool
	// checkAll runs checkStages on units of built-in modules too (tests).
	checkAll bool
}

// checkStages are the compiler's stages that only look for mistakes in
// the modules: they change nothing that evaluation reads, but for the
// type checker's environment, which only a `with` on a function reads,
// and no built-in rule has one outside its tests. A unit of built-in
// modules skips them: the library is checked with every stage by `make
// lint` (opa check --strict) and TestBuiltinsPassCheckStages, and they
// were a quarter of the time of compiling it (the Terraform rules in
// 0.60 s against 0.81 s). A unit that holds a module from outside the
// built-ins runs them all: they are how a bad policy is an error, and
// CheckUnsafeBuiltins is how a policy is refused a built-in function it
// may not call.
var checkStages = []ast.StageID{
	ast.StageCheckUnusedImports, ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls, ast.StageCheckRuleConflicts, ast.StageCheckUndefinedFuncs,
	ast.StageCheckRecursion, ast.StageCheckTypes, ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins, ast.StageBuildRequiredCapabilities,
}

// unitName is the unit a query group compiles in when policies from
// outside the built-ins share packages with them: a target's built-in and
// custom groups share one.
func unitName(group string) string { return strings.TrimSuffix(group, customSuffix) }

// builtinGroup tells whether group holds rules of built-in packages only.
func builtinGroup(group string) bool {
	return group != "raw" && !strings.HasSuffix(group, customSuffix)
}

// newUnits returns the unit each group of plan compiles in (pkgs are cat's
// packages, apart customApart's answer for them), holding the
// modules (sandboxed) of the packages its evals are in and of every
// package those refer to, transitively. Groups whose packages are the same
// share a unit. When the policies from outside the built-ins lie apart
// from them (customApart), each group has its own packages, and a unit of
// built-in groups finds its modules, from a lazy catalog, on its first
// compile: the policies from outside then compile in New, with what they
// import, and a small plan compiles no more of the built-in library than
// it would without them. Otherwise a target's built-in and custom groups
// share a unit, which finds its modules now.
func newUnits(cat *catalog.Catalog, pkgs packages, apart bool, plan map[string][]catalog.Eval, opts unitOptions) (map[string]*unit, error) {
	lazy, outside := true, false
	for name := range cat.Modules {
		lazy = lazy && (!cat.Builtin[name] || cat.IsLazy(name))
		outside = outside || !cat.Builtin[name]
	}
	key := unitName
	if apart {
		key = func(group string) string { return group }
	}
	roots := map[string][]string{}
	for group, evs := range plan {
		k := key(group)
		for _, p := range evalPackages(evs, all(len(evs))) {
			if !slices.Contains(roots[k], p) {
				roots[k] = append(roots[k], p)
			}
		}
	}
	units := map[string]*unit{}
	byRoots := map[string]*unit{}
	for _, group := range slices.Sorted(maps.Keys(plan)) {
		from := roots[key(group)]
		slices.Sort(from)
		id := strings.Join(from, " ")
		if u, ok := byRoots[id]; ok {
			units[group] = u
			continue
		}
		u := &unit{opts: opts}
		u.resolve = func() (map[string]*ast.Module, error) {
			mods, custom, err := pkgs.closure(cat, from)
			u.custom = custom
			return mods, err
		}
		// A built-in group's closure holds built-in modules only when
		// those from outside lie apart: built-in modules refer to the
		// packages of data.tenet alone (TestBuiltinsReferWithin).
		if !lazy || outside && !(apart && builtinGroup(group)) {
			var err error
			if u.modules, err = u.resolve(); err != nil {
				return nil, err
			}
		}
		u.print = opts.print && u.custom
		byRoots[id], units[group] = u, u
	}
	return units, nil
}

// customApart tells whether every module from outside the built-ins lies
// in a package apart from the built-ins: outside data.tenet, which holds
// every package the built-in modules refer to (TestBuiltinsReferWithin),
// and apart from every built-in package (not one, nor in one, nor holding
// one). A rule's path lies in its module's package, so such a module adds
// no rule to a built-in package and no built-in module reaches it. A
// policy in a package of data.tenet is not apart: it may extend a built-in
// package (package tenet with a rule aws.s3.versioning.deny) or set what
// built-in rules read (package tenet.params).
func customApart(cat *catalog.Catalog, pkgs packages) bool {
	builtin := []ast.Ref{builtinRoot}
	var outside []ast.Ref
	for _, names := range pkgs.modules {
		for _, name := range names {
			path := cat.Modules[name].Package.Path
			if cat.Builtin[name] {
				builtin = append(builtin, path)
			} else {
				outside = append(outside, path)
			}
		}
	}
	for _, o := range outside {
		for _, b := range builtin {
			if o.HasPrefix(b) || b.HasPrefix(o) {
				return false
			}
		}
	}
	return true
}

// builtinRoot is where the built-in packages lie, and all they refer to.
var builtinRoot = ast.MustParseRef("data.tenet")

// packages are a catalog's packages: the names of each one's modules, and
// their paths in order.
type packages struct {
	modules map[string][]string
	sorted  []string
}

func newPackages(cat *catalog.Catalog) packages {
	p := packages{modules: map[string][]string{}}
	for name, m := range cat.Modules {
		path := m.Package.Path.String()
		p.modules[path] = append(p.modules[path], name)
	}
	for path := range p.modules {
		p.sorted = append(p.sorted, path)
	}
	slices.Sort(p.sorted)
	return p
}

// closure returns the modules (sandboxed, parsed whole) of packages from
// and of every package they refer to, transitively, and whether one is
// from outside the built-ins.
func (p packages) closure(cat *catalog.Catalog, from []string) (map[string]*ast.Module, bool, error) {
	mods := map[string]*ast.Module{}
	custom := false
	queue := slices.Clone(from)
	seen := map[string]bool{}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		if seen[pkg] {
			continue
		}
		seen[pkg] = true
		for _, name := range p.modules[pkg] {
			m, err := cat.Parsed(name)
			if err != nil {
				return nil, false, err
			}
			mods[name] = sandboxModule(m)
			custom = custom || !cat.Builtin[name]
			queue = append(queue, p.deps(m)...)
		}
	}
	return mods, custom, nil
}

// deps lists the packages module m may refer to: for each reference into
// data (imports included, which cover the names they bind), the packages
// it lies in or that lie under it. A reference that is not constant from
// data on (data[x]) reaches every package.
func (p packages) deps(m *ast.Module) []string {
	refs := map[string]bool{}
	walkDataRefs(m, func(r ast.Ref) { refs[constantPrefix(r).String()] = true })
	deps := map[string]bool{}
	for g := range refs {
		if g == "data" {
			return p.sorted
		}
		if _, ok := p.modules[g]; ok {
			deps[g] = true
		}
		// The packages g lies in are its prefixes at dots; those under
		// it, a run of the sorted paths from the first after g+".".
		for i := range len(g) {
			if g[i] == '.' {
				if _, ok := p.modules[g[:i]]; ok {
					deps[g[:i]] = true
				}
			}
		}
		under := g + "."
		for i, _ := slices.BinarySearch(p.sorted, under); i < len(p.sorted) && strings.HasPrefix(p.sorted[i], under); i++ {
			deps[p.sorted[i]] = true
		}
	}
	return slices.Collect(maps.Keys(deps))
}

// walkDataRefs calls f with each reference of m into data, its imports
// included, which cover the names they bind.
func walkDataRefs(m *ast.Module, f func(ast.Ref)) {
	for _, imp := range m.Imports {
		if r, ok := imp.Path.Value.(ast.Ref); ok && r.HasPrefix(ast.DefaultRootRef) {
			f(r)
		}
	}
	ast.WalkRefs(m, func(r ast.Ref) bool {
		if r.HasPrefix(ast.DefaultRootRef) {
			f(r)
		}
		return false
	})
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

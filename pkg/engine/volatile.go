package engine

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// Volatile says which documents have results that may change while the
// document and the policies stay the same: those that rules calling a
// nondeterministic built-in judge (time.now_ns for an access key's age,
// rand.intn, http.send...), or one that reads other files
// (parse_config_file). types are the selector types of such rules;
// all is true when one may judge any document: a custom rule, a rule
// without resource types, or a nondeterministic call in a package that
// other packages use. A cache must not reuse those documents' results.
func Volatile(cat *catalog.Catalog) (types map[string]bool, all bool) {
	rules, all := volatileRules(cat)
	if all {
		return nil, true
	}
	types = map[string]bool{}
	for _, r := range cat.Rules {
		if !rules[r.ID] {
			continue
		}
		for _, s := range r.Selectors {
			for _, t := range s.ResourceTypes {
				types[t] = true
			}
		}
	}
	return types, false
}

// volatileRules returns the ids of the rules whose packages call a
// nondeterministic built-in, or all when such a call may judge any
// document (see Volatile).
func volatileRules(cat *catalog.Catalog) (ids map[string]bool, all bool) {
	byPkg := map[string]int{}
	for i, r := range cat.Rules {
		byPkg["data."+r.Package] = i
	}
	// A lazily loaded catalog holds the built-in modules by their heads:
	// only those whose text names such a built-in are parsed. One that
	// cannot be parsed is taken as volatile, never cached.
	modules, err := cat.ParsedMentioning(nondeterministicNames())
	if err != nil {
		return nil, true
	}
	ids = map[string]bool{}
	for _, m := range modules {
		if !callsNondeterministic(m) {
			continue
		}
		pkg := m.Package.Path.String()
		i, isRule := byPkg[pkg]
		if !isRule || cat.Rules[i].Custom || usedElsewhere(cat, pkg) {
			return nil, true
		}
		r := cat.Rules[i]
		n := 0
		for _, s := range r.Selectors {
			n += len(s.ResourceTypes)
		}
		if n == 0 {
			return nil, true
		}
		ids[r.ID] = true
	}
	return ids, false
}

// readsFiles are the built-ins (conftestfn) whose results depend on files
// beside the document.
var readsFiles = []string{"parse_config_file", "parse_combined_config_files"}

// nondeterministicNames are the last names of the built-ins that
// callsNondeterministic looks for ("now_ns" for time.now_ns): a module
// that calls one, or replaces a function with one, spells it.
func nondeterministicNames() []string {
	names := slices.Clone(readsFiles)
	for name, b := range ast.BuiltinMap {
		if b.Nondeterministic {
			names = append(names, name[strings.LastIndex(name, ".")+1:])
		}
	}
	return names
}

// callsNondeterministic is true when m calls a built-in that OPA marks
// nondeterministic, or one that reads files, directly or as the
// replacement of a function (with).
func callsNondeterministic(m *ast.Module) bool {
	found := false
	check := func(op ast.Ref) {
		name := op.String()
		if b, ok := ast.BuiltinMap[name]; ok && b.Nondeterministic || slices.Contains(readsFiles, name) {
			found = true
		}
	}
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsCall() {
			check(e.Operator())
		}
		// A function replaced with a built-in (`with f as rand.intn`)
		// calls it without a call of its own.
		for _, w := range e.With {
			if r, isRef := w.Value.Value.(ast.Ref); isRef {
				check(r)
			}
		}
		return found
	})
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok {
			if r, isRef := c[0].Value.(ast.Ref); isRef {
				check(r)
			}
		}
		return found
	})
	return found
}

// usedElsewhere is true when a module of another package refers into pkg
// (or when the modules cannot be parsed). A reference or import of pkg
// spells its last name, so only the modules whose text holds it are
// parsed.
func usedElsewhere(cat *catalog.Catalog, pkg string) bool {
	ref, err := ast.ParseRef(pkg)
	if err != nil {
		return true
	}
	last, ok := ref[len(ref)-1].Value.(ast.String)
	if !ok {
		return true
	}
	modules, err := cat.ParsedMentioning([]string{string(last)})
	if err != nil {
		return true
	}
	used := false
	for _, m := range modules {
		if m.Package.Path.String() == pkg {
			continue
		}
		ast.WalkRefs(m, func(r ast.Ref) bool {
			s := r.String()
			if s == pkg || strings.HasPrefix(s, pkg+".") {
				used = true
			}
			return used
		})
		for _, imp := range m.Imports {
			if s := imp.Path.String(); s == pkg || strings.HasPrefix(s, pkg+".") {
				used = true
			}
		}
		if used {
			return true
		}
	}
	return false
}

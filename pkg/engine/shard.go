package engine

import (
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// Sharding: a large Terraform document is evaluated in shards. The rules
// whose reads are known (see readTypes) are grouped by the resource types
// they can read (the constants of the rules they reach: ruleReadTypes),
// and each group is evaluated on a copy of the document that holds only
// those resources; the other rules get the whole document. Each query
// then builds its indexes (lib/terraform's _live, _by_type and join
// indexes) over the resources it holds: the fewer a shard holds beyond
// what its rules read, the less of that work is repeated across shards.

// accessor is the package through which built-in Terraform rules read
// resources. Its public functions take the resource type as an argument
// and return resources of that type only, so a rule that reads resources
// through them and names its types as string constants reads only those.
const accessor = "data.tenet.lib.terraform"

// paramsRef is the document of the built-in rules' parameters (--data).
var paramsRef = ast.MustParseRef("data.tenet.params")

// reads answers readTypes for the packages of one catalog, scanning each
// package once.
type reads struct {
	byPkg   map[string][]*ast.Module
	builtin map[*ast.Module]bool
	// lazy names the modules of byPkg that are heads (a lazily loaded
	// catalog's built-ins), which parse parses whole when a scan first
	// reaches their package (modules): a plan's shards read only the
	// packages its rules reach, not the whole library.
	lazy  map[*ast.Module]string
	parse func(name string) (*ast.Module, error)
	whole map[string][]*ast.Module // by package, once resolved
	scans map[string]*pkgScan
	rules map[ruleNode]*ruleScan // rulereads.go
	names map[string][]string    // rulereads.go: ruleNames
	refs  map[string]ast.Ref     // rulereads.go: pkgRef
}

// pkgScan is what the modules of one package hold.
type pkgScan struct {
	types map[string]bool // type-like string constants
	deps  []string        // packages referred to
	ok    bool            // see readTypes
}

func newReads(byPkg map[string][]*ast.Module, builtin map[*ast.Module]bool) *reads {
	return &reads{byPkg: byPkg, builtin: builtin, scans: map[string]*pkgScan{}}
}

// modules returns the modules of package pkg whole, parsing the heads
// among them on first use. A package with a module that does not parse
// has none: its rules' reads are unknown (and the compile reports the
// error).
func (r *reads) modules(pkg string) []*ast.Module {
	ms := r.byPkg[pkg]
	if len(r.lazy) == 0 {
		return ms
	}
	if out, done := r.whole[pkg]; done {
		return out
	}
	if r.whole == nil {
		r.whole = map[string][]*ast.Module{}
	}
	out := make([]*ast.Module, 0, len(ms))
	for _, m := range ms {
		if name, isHead := r.lazy[m]; isHead {
			parsed, err := r.parse(name)
			if err != nil {
				out = nil
				break
			}
			r.builtin[parsed] = r.builtin[m]
			m = parsed
		}
		out = append(out, m)
	}
	r.whole[pkg] = out
	return out
}

// readTypes returns the resource type prefixes that the rules of package
// pkg can read in a Terraform document: the string constants of the
// package and of every package it refers to, transitively (a constant
// names a type, or the start of types that a rule builds from it, as
// lib/gcp builds "<prefix>_iam_member"), plus the selector types. ok is
// false when the rules may read more than that: a module that is not
// built in and does not qualify (shardcustom.go), a read of input outside
// the accessor, a reference to the
// accessor's private rules, to a whole namespace or to data documents
// (other than the rules' parameters, data.tenet.params), or
// a `with`.
func (r *reads) readTypes(pkg string, selectors []string) (prefixes []string, ok bool) {
	seen := map[string]bool{pkg: true}
	queue := []string{pkg}
	set := map[string]bool{}
	for _, s := range selectors {
		set[s] = true
	}
	for len(queue) > 0 {
		sc := r.scan(queue[0])
		queue = queue[1:]
		if !sc.ok {
			return nil, false
		}
		for t := range sc.types {
			set[t] = true
		}
		for _, dep := range sc.deps {
			if !seen[dep] {
				seen[dep] = true
				queue = append(queue, dep)
			}
		}
	}
	for s := range set {
		prefixes = append(prefixes, s)
	}
	slices.Sort(prefixes)
	return prefixes, true
}

// builtinPackage tells whether a module of package pkg is built in.
func (r *reads) builtinPackage(pkg string) bool {
	return slices.ContainsFunc(r.byPkg[pkg], func(m *ast.Module) bool { return r.builtin[m] })
}

// scan scans the modules of package pkg, once.
func (r *reads) scan(pkg string) *pkgScan {
	if sc, done := r.scans[pkg]; done {
		return sc
	}
	mods := r.modules(pkg)
	sc := &pkgScan{types: map[string]bool{}, ok: len(mods) > 0}
	deps := map[string]bool{}
	for _, m := range mods {
		if !r.builtin[m] && !customQualifies(m, pkg, r.byPkg, r.builtinPackage) {
			sc.ok = false
		}
		if !scanModule(m, pkg, r.byPkg, sc.types, func(dep string) { deps[dep] = true }) {
			sc.ok = false
		}
	}
	for d := range deps {
		sc.deps = append(sc.deps, d)
	}
	slices.Sort(sc.deps)
	r.scans[pkg] = sc
	return sc
}

// scanModule adds m's type-like string constants to set and calls dep for
// every package m refers to. It returns false when m may read resources
// beyond its constants. m is not compiled: names bound by imports are
// resolved here.
func scanModule(m *ast.Module, pkg string, byPkg map[string][]*ast.Module, set map[string]bool, dep func(string)) bool {
	aliases := importAliases(m, ast.DefaultRootRef, ast.InputRootRef)
	ok := true
	check := func(r ast.Ref) {
		if head, isVar := r[0].Value.(ast.Var); isVar {
			if target, found := aliases[head]; found {
				r = target.Concat(r[1:])
			}
		}
		switch {
		case r.HasPrefix(ast.InputRootRef):
			ok = ok && pkg == accessor
		case r.HasPrefix(paramsRef):
			// The built-in rules' parameters (lib/params): values that
			// the organisation sets, such as data classes, never the
			// resource types a rule reads, which it names as constants.
		case r.HasPrefix(ast.DefaultRootRef):
			target, private := refPackage(r, byPkg)
			switch {
			case target == "":
				// A namespace of packages (data.tenet.lib), or data
				// documents, which may name types the code does not.
				ok = false
			case target == accessor && private && pkg != accessor:
				ok = false
			case target != "":
				dep(target)
			}
		}
	}
	str := func(v string) {
		if typeLike(v) {
			set[v] = true
		}
	}
	// Not the package clause: its path is a reference to m itself.
	for _, imp := range m.Imports {
		walkReads(imp, str, check)
	}
	for _, r := range m.Rules {
		walkReads(r, str, check)
	}
	ast.WalkExprs(m.Rules, func(e *ast.Expr) bool {
		if len(e.With) > 0 {
			ok = false
		}
		return false
	})
	return ok
}

// importAliases maps the names that m's imports of references under one
// of roots bind to those references.
func importAliases(m *ast.Module, roots ...ast.Ref) map[ast.Var]ast.Ref {
	aliases := map[ast.Var]ast.Ref{}
	for _, imp := range m.Imports {
		r, isRef := imp.Path.Value.(ast.Ref)
		if isRef && slices.ContainsFunc(roots, r.HasPrefix) {
			aliases[imp.Name()] = r
		}
	}
	return aliases
}

// walkReads calls str for every string constant under x and ref for every
// reference, a variable being a reference of one term, except the names of
// built-in functions. A reference's head is part of it, not a variable read
// on its own; its other terms may hold references.
func walkReads(x any, str func(string), ref func(ast.Ref)) {
	var visit func(t *ast.Term) bool
	visit = func(t *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.String:
			str(string(v))
		case ast.Var:
			ref(ast.Ref{t})
		case ast.Ref:
			if _, builtin := ast.BuiltinMap[v.String()]; builtin {
				return true
			}
			ref(v)
			for _, x := range v[1:] {
				ast.WalkTerms(x, visit)
			}
			return true
		}
		return false
	}
	ast.WalkTerms(x, visit)
}

// refPackage is the package that ref r points into ("" for data that no
// package defines), and whether the rule it names is private (_name).
func refPackage(r ast.Ref, byPkg map[string][]*ast.Module) (pkg string, private bool) {
	for n := len(r); n > 1; n-- {
		p := r[:n]
		if !p.IsGround() {
			continue
		}
		if _, ok := byPkg[p.String()]; ok {
			if n < len(r) {
				if s, isString := r[n].Value.(ast.String); isString {
					private = strings.HasPrefix(string(s), "_")
				}
			}
			return p.String(), private
		}
	}
	return "", false
}

// typeLike is true for constants that may name a resource type or the
// start of one: lower case, digits and underscores, with an underscore.
func typeLike(s string) bool {
	if len(s) < 3 || !strings.Contains(s, "_") {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// shardPlan groups the evals of a Terraform group by the types their rules
// read, and apart the rules that declare per-resource findings
// (catalog.Eval.PerResource), whose shards a Memo keeps by component. The
// first shard (types nil) holds the rules that get the whole document; it
// may be empty. A group whose types are a subset of another's of the same
// kind joins it: its rules see resources they do not read, which changes
// nothing, and the two share the indexes and helper rules they compute.
//
// The types a rule reads are the type-like strings it reaches, most of
// them names of attributes and helpers (fail_attr, ingress_rules) that
// name no resource. Only those that may name one of the types the
// catalog's rules select (selected) decide which rules group together:
// the rules on security groups differed in such names only, and each
// shard built lib/network's ingress rules again, about 0.4 s of a 50k
// plan's CPU each. A shard still holds every type its rules read, so
// grouping more rules changes which resources a shard holds, never what
// a rule finds. With selected nil, or a rule whose strings name no
// selected type, every string counts.
func shardPlan(evs []catalog.Eval, reads func(catalog.Eval) ([]string, bool), selected func(string) bool) (idx [][]int, types [][]string) {
	byKey := map[string][]int{}
	keyTypes := map[string][]string{}       // what decides the grouping
	typesOf := map[string]map[string]bool{} // what the rules read
	for i, ev := range evs {
		ts, ok := reads(ev)
		key := ts
		if selected != nil {
			if named := slices.DeleteFunc(slices.Clone(ts), func(s string) bool { return !selected(s) }); len(named) > 0 {
				key = named
			}
		}
		k := strings.Join(key, ",")
		if !ok || len(ts) == 0 {
			k, key, ts = "", nil, nil
		} else if ev.PerResource {
			k = "per resource:" + k
		}
		byKey[k] = append(byKey[k], i)
		keyTypes[k] = key
		if typesOf[k] == nil {
			typesOf[k] = map[string]bool{}
		}
		for _, t := range ts {
			typesOf[k][t] = true
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		if k != "" {
			keys = append(keys, k)
		}
	}
	// Largest type sets first, so that a group joins the first superset.
	slices.SortFunc(keys, func(a, b string) int {
		if n := len(keyTypes[b]) - len(keyTypes[a]); n != 0 {
			return n
		}
		return strings.Compare(a, b)
	})
	idx = [][]int{byKey[""]}
	read := []map[string]bool{nil} // each shard's types
	decide := [][]string{nil}
	perResource := []bool{false}
	for _, k := range keys {
		per := strings.HasPrefix(k, "per resource:")
		target := -1
		for n := 1; n < len(idx); n++ {
			if perResource[n] == per && subset(keyTypes[k], decide[n]) {
				target = n
				break
			}
		}
		if target < 0 {
			idx, read, decide, perResource = append(idx, nil), append(read, map[string]bool{}), append(decide, keyTypes[k]), append(perResource, per)
			target = len(idx) - 1
		}
		idx[target] = append(idx[target], byKey[k]...)
		maps.Copy(read[target], typesOf[k])
	}
	types = make([][]string, len(idx))
	for n, x := range idx {
		slices.Sort(x)
		if read[n] != nil {
			types[n] = slices.Sorted(maps.Keys(read[n]))
		}
	}
	return idx, types
}

// subset is true when every element of the sorted slice a is in the sorted
// slice b.
func subset(a, b []string) bool {
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); !found {
			return false
		}
	}
	return true
}

// shardInputs lists, for each shard, the positions of the resources its
// document holds (byType from resourcesByType), in document order; nil for
// the whole document.
func shardInputs(byType map[string][]int, shards []*query) [][]int {
	out := make([][]int, len(shards))
	for n, q := range shards {
		if q.types == nil {
			continue
		}
		sel := []int{}
		for t, idx := range byType {
			for _, p := range q.types {
				if strings.HasPrefix(t, p) {
					sel = append(sel, idx...)
					break
				}
			}
		}
		slices.Sort(sel)
		out[n] = sel
	}
	return out
}

// selectedTypes tells whether a string may name a Terraform resource type
// that a rule of rules selects: whether one such type begins with it, as
// a shard's types select resources (shardInputs). Nil when no rule selects
// a type.
func selectedTypes(rules map[string]finding.Rule) func(string) bool {
	var list []string
	for _, r := range rules {
		list = append(list, selectorTypes(r, "terraform")...)
	}
	if len(list) == 0 {
		return nil
	}
	slices.Sort(list)
	list = slices.Compact(list)
	return func(s string) bool {
		i, _ := slices.BinarySearch(list, s)
		return i < len(list) && strings.HasPrefix(list[i], s)
	}
}

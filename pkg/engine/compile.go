package engine

import (
	"context"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// Options tune the engine; the zero value is the default sandbox.
type Options struct {
	// AllowBuiltins names Restricted built-ins that policies may call.
	AllowBuiltins []string
	// Parallel is how many of a large document's shards are evaluated side
	// by side; 0 means GOMAXPROCS; 1 evaluates it with one query, unsharded.
	Parallel int
	// SensitiveToCustom lets rules from outside the built-ins see the
	// values Terraform marks sensitive. Without it they see
	// input.Redacted in their place (input.Document.Masked), so that a
	// third-party policy cannot carry a secret out in a message, encoded
	// past redaction, or in an error. The built-in rules always see the
	// real values: some must, to report that a secret is set in the clear.
	SensitiveToCustom bool
	// Combine leaves the conftest-style rules out of Eval: EvalCombined
	// runs them once on all the documents, as conftest test --combine.
	Combine bool
	// Print receives the print() output of the policies from outside the
	// built-ins, a line each naming the input and the call's location;
	// nil compiles their print() calls out.
	Print io.Writer
	// Trace receives the evaluation trace of every query of the policies
	// from outside the built-ins (conftest test --trace).
	Trace io.Writer
	// shardMin and splitMax override the package defaults (tests).
	shardMin, splitMax int
	// allRules evaluates every rule on every document (tests).
	allRules bool
	// checkAll compiles the built-in modules with every stage (tests).
	checkAll bool
}

// New compiles the catalog's modules once and prepares the queries.
func New(ctx context.Context, cat *catalog.Catalog, opts Options) (*Engine, error) {
	e := &Engine{rules: map[string]finding.Rule{}, groups: map[string]*group{}, builtin: map[string]bool{}, unmasked: opts.SensitiveToCustom}
	for _, r := range cat.Rules {
		e.rules[r.ID] = r
	}
	e.volatile = sync.OnceValues(func() (map[string]bool, bool) { return volatileRules(cat) })
	byPkg, builtin := modulesByPackage(cat)
	// The rules of packages outside the built-ins form groups of their
	// own, evaluated on the document with its secrets masked (Options).
	// A module from outside the built-ins in one of their packages (a
	// library's, or the parameters') may make a built-in rule read beyond
	// its joins: per-resource findings are then no rule's to declare.
	perResource := true
	for _, m := range cat.Modules {
		if p := m.Package.Path.String(); !builtin[m] && (p == "data.tenet" || strings.HasPrefix(p, "data.tenet.")) {
			perResource = false
		}
	}
	plan := map[string][]catalog.Eval{}
	for _, ev := range cat.Evals {
		ev.PerResource = ev.PerResource && perResource
		if builtinPackage(byPkg, builtin, ev) {
			e.builtin[ev.RuleID] = true
		}
		if ev.Raw {
			plan["raw"] = append(plan["raw"], ev)
			continue
		}
		suffix := ""
		if !builtinPackage(byPkg, builtin, ev) {
			suffix = customSuffix
		}
		for _, t := range targets {
			if applies(e.rules[ev.RuleID], t) {
				plan[t+suffix] = append(plan[t+suffix], ev)
			}
		}
	}
	// The shards are planned when a large document first needs them:
	// reading the rules' types parses the Terraform modules they reach,
	// which a run on manifests never compiles, unless the table worked
	// out ahead of time for the built-in library answers (readtable.go).
	debugging := opts.Trace != nil || opts.Print != nil && CallsPrint(cat.Modules, cat.Builtin)
	planShards := sync.OnceValues(func() (map[string][][]int, map[string][][]string) {
		shards := map[string][][]int{}
		shardTypes := map[string][][]string{}
		custom := "terraform" + customSuffix
		shardCustom := opts.Parallel != 1 && len(plan[custom]) > 0 && !debugging
		// The table answers for built-in rules only, and only while
		// nothing from outside lies in their packages (perResource). The
		// rules it does not answer for are read from their modules, which
		// parses the packages they reach.
		var reads, parsed func(catalog.Eval) ([]string, bool)
		if perResource {
			reads = tableReads(builtinReadTable(), cat, e.rules, plan["terraform"])
		}
		if reads == nil || shardCustom {
			parsed = parsedReads(cat, e.rules)
		}
		if reads == nil {
			reads = parsed
		}
		selected := selectedTypes(e.rules)
		if opts.Parallel != 1 && len(plan["terraform"]) > 0 {
			shards["terraform"], shardTypes["terraform"] = shardPlan(plan["terraform"], reads, selected)
		}
		// The rules from outside the built-ins that qualify
		// (shardcustom.go) shard alike, unless their print() output or
		// trace is shown: one query's output each, in one order, as
		// without shards.
		if shardCustom {
			if idx, types := shardPlan(plan[custom], parsed, selected); len(idx) > 1 {
				shards[custom], shardTypes[custom] = idx, types
			}
		}
		return shards, shardTypes
	})
	// Every query, a group's whole one as a shard's or a subset's, has the
	// one form queryText writes and values decodes. Each compiles in its
	// group's unit (units.go): those holding policies from outside the
	// built-ins now, the others when a document first needs them.
	uopts := unitOptions{caps: Capabilities(opts.AllowBuiltins), print: opts.Print != nil, checkAll: opts.checkAll}
	pkgs := newPackages(cat)
	apart := customApart(cat, pkgs)
	units, err := newUnits(cat, pkgs, apart, plan, uopts)
	if err != nil {
		return nil, err
	}
	for _, group := range slices.Sorted(maps.Keys(units)) {
		if units[group].custom {
			if _, err := units[group].compile(); err != nil {
				return nil, err
			}
		}
	}
	makeSub := subUnitMaker(cat, pkgs, apart, uopts)
	store := inmem.NewFromObject(cat.Data)
	// Only the groups of policies from outside the built-ins are debugged:
	// a built-in group sees the document unmasked.
	debugged := func(group string) bool { return group == "raw" || strings.HasSuffix(group, customSuffix) }
	newQuery := func(u *unit, group, text string, evs []catalog.Eval, idx []int) *query {
		q := &query{unit: u, index: idx, debug: debugged(group)}
		for _, i := range idx {
			q.evals = append(q.evals, evs[i])
		}
		q.prepare = func(ctx context.Context) (rego.PreparedEvalQuery, error) {
			compiler, err := u.compile()
			if err != nil {
				return rego.PreparedEvalQuery{}, err
			}
			opts := append([]func(*rego.Rego){rego.Query(text), rego.Compiler(compiler), rego.Store(store), rego.EnablePrintStatements(u.print)}, SandboxFunctions()...)
			pq, err := rego.New(opts...).PrepareForEval(ctx)
			if err != nil {
				return pq, &catalog.PolicyError{Err: fmt.Errorf("prepare query: %w", err)}
			}
			return pq, nil
		}
		return q
	}
	for name, evs := range plan {
		with := ""
		if name == "raw" {
			with = rawWith
		}
		u := units[name]
		q := newQuery(u, name, queryText(evs, all(len(evs)), with), evs, all(len(evs)))
		if u.custom {
			if err := q.ready(ctx); err != nil {
				return nil, err
			}
		}
		if name == "raw" {
			e.raw, e.rawMasked = q, !opts.SensitiveToCustom
			continue
		}
		g := &group{evals: evs, whole: q, judged: make([][]string, len(evs)),
			masked: strings.HasSuffix(name, customSuffix) && !opts.SensitiveToCustom}
		g.checks = e.checks(evs, strings.TrimSuffix(name, customSuffix))
		g.subsets.queries = map[string]*query{}
		g.sub = &subUnits{whole: u}
		if builtinGroup(name) {
			g.sub.make = makeSub
		}
		g.subsets.build = func(u *unit, idx []int) *query {
			return newQuery(u, name, queryText(evs, idx, ""), evs, idx)
		}
		// Outside Terraform, the built-in per-resource rules judge each
		// object alone and may be evaluated in batches (batch.go).
		g.batched = make([]bool, len(evs))
		for i, ev := range evs {
			if builtinPackage(byPkg, builtin, ev) && !opts.allRules {
				g.judged[i] = selectorTypes(e.rules[ev.RuleID], name)
			}
			g.batched[i] = ev.PerResource && name != "terraform" && !strings.HasSuffix(name, customSuffix) && builtinPackage(byPkg, builtin, ev)
		}
		// Shards are planned, and their queries prepared, when first
		// used: only large documents use them, and preparing the
		// hundred-odd queries takes 40-70 ms.
		g.shards = sync.OnceValue(func() []*query {
			shards, shardTypes := planShards()
			var out []*query
			for i, idx := range shards[name] {
				p := newQuery(u, name, queryText(evs, idx, ""), evs, idx)
				p.types = shardTypes[name][i]
				p.perResource = p.types != nil && !slices.ContainsFunc(p.evals, func(ev catalog.Eval) bool { return !ev.PerResource })
				out = append(out, p)
			}
			return out
		})
		// The same shards compiled in parts side by side, for documents
		// small enough that the cores would otherwise wait for one
		// compile (subUnits.split).
		g.parts = sync.OnceValue(func() []*query {
			shards := g.shards()
			idx := make([][]int, len(shards))
			for i, q := range shards {
				idx[i] = q.index
			}
			units := g.sub.split(evs, idx, min(e.parallel, compileParts))
			if len(units) == 0 || units[0] == u {
				return shards // not split: every shard compiles in the whole unit
			}
			out := make([]*query, len(shards))
			for i, q := range shards {
				p := newQuery(units[i], name, queryText(evs, q.index, ""), evs, q.index)
				p.types, p.perResource = q.types, q.perResource
				out[i] = p
			}
			return out
		})
		e.groups[name] = g
	}
	if opts.Print != nil || opts.Trace != nil {
		e.debug = &debugOut{print: opts.Print, trace: opts.Trace}
	}
	e.parallel = opts.Parallel
	e.combine = opts.Combine
	if e.parallel <= 0 {
		e.parallel = runtime.GOMAXPROCS(0)
	}
	e.shardMin = shardMin
	if opts.shardMin > 0 {
		e.shardMin = opts.shardMin
	}
	e.splitMax = splitMax
	if opts.splitMax > 0 {
		e.splitMax = opts.splitMax
	}
	return e, nil
}

func all(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// selectorTypes lists the resource types that r's selectors name for
// target t.
func selectorTypes(r finding.Rule, t string) []string {
	var types []string
	for _, s := range r.Selectors {
		if s.Type == t {
			types = append(types, s.ResourceTypes...)
		}
	}
	return types
}

// modulesByPackage groups the catalog's modules by package path and says
// which modules are built in. With a lazily loaded catalog, the built-in
// modules are their heads: enough for their packages (reads.modules
// parses them whole where it needs them).
func modulesByPackage(cat *catalog.Catalog) (map[string][]*ast.Module, map[*ast.Module]bool) {
	return byPackage(cat.Modules, cat.Builtin)
}

// byPackage groups modules by the packages they define rules in: a
// module's own, and for a module from outside the built-ins also each
// package below it that a rule's head reference reaches (package tenet
// with a rule kubernetes.pod.privileged.deny adds to the package
// tenet.kubernetes.pod.privileged), so that no outside module adds to a
// built-in package unseen.
func byPackage(modules map[string]*ast.Module, isBuiltin map[string]bool) (map[string][]*ast.Module, map[*ast.Module]bool) {
	byPkg := map[string][]*ast.Module{}
	builtin := map[*ast.Module]bool{}
	paths := map[string]ast.Ref{}
	var outside []*ast.Module
	for name, m := range modules {
		p := m.Package.Path.String()
		byPkg[p] = append(byPkg[p], m)
		paths[p] = m.Package.Path
		builtin[m] = isBuiltin[name]
		if !isBuiltin[name] {
			outside = append(outside, m)
		}
	}
	pkgs := slices.Sorted(maps.Keys(paths))
	for _, m := range outside {
		below := m.Package.Path.String() + "."
		for _, p := range pkgs {
			if strings.HasPrefix(p, below) && reachesPackage(m, paths[p]) {
				byPkg[p] = append(byPkg[p], m)
			}
		}
	}
	return byPkg, builtin
}

// reachesPackage tells whether a rule of m may define a document inside
// the package at path, which lies below m's package, or the document that
// holds it: whether the rule's path below m's package (its head reference)
// and path agree term by term as far as both go, a variable agreeing with
// any name.
func reachesPackage(m *ast.Module, path ast.Ref) bool {
	if !path.HasPrefix(m.Package.Path) || len(path) == len(m.Package.Path) {
		return false
	}
	below := path[len(m.Package.Path):]
	for _, r := range m.Rules {
		head := r.Head.Ref()
		agree := true
		for i := range min(len(head), len(below)) {
			t := head[i]
			if v, isVar := t.Value.(ast.Var); isVar && i == 0 {
				t = ast.StringTerm(string(v)) // the rule's name
			}
			if _, isVar := t.Value.(ast.Var); !isVar && !t.Equal(below[i]) {
				agree = false
				break
			}
		}
		if agree {
			return true
		}
	}
	return false
}

// builtinPackage is true when every module of ev's package is built in.
func builtinPackage(byPkg map[string][]*ast.Module, builtin map[*ast.Module]bool, ev catalog.Eval) bool {
	mods := byPkg[ev.Ref[:strings.LastIndex(ev.Ref, ".")]]
	for _, m := range mods {
		if !builtin[m] {
			return false
		}
	}
	return len(mods) > 0
}

// applies tells whether rule r runs on documents of target t: rules without
// selectors run everywhere.
func applies(r finding.Rule, t string) bool {
	if len(r.Selectors) == 0 {
		return true
	}
	for _, s := range r.Selectors {
		if s.Type == t {
			return true
		}
	}
	return false
}

// queryText is the query over evs[idx], one expression followed by the
// modifiers with: an array whose Nth element is an array of the value of
// the Nth rule, empty where the rule is undefined, so that one undefined
// rule does not make the whole query undefined.
//
// One expression rather than one per rule (rN := [x | x := <ref>]): OPA's
// query compiler copies the variables of the whole body into each
// comprehension, which for the few hundred rules of a group added 60 ms to
// New. Against the generated package (rN := <ref>) a group's query used to
// read, this form evaluates a large plan in the same time and small
// documents faster, and needs no package compiled per shard or subset.
func queryText(evs []catalog.Eval, idx []int, with string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, j := range idx {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "[x | x := %s]", evs[j].Ref)
	}
	b.WriteByte(']')
	b.WriteString(with)
	return b.String()
}

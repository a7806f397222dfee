package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// Engine holds the compiled policy. It is safe for concurrent use.
type Engine struct {
	rules  map[string]finding.Rule
	groups map[string]*group // by target: "terraform", "kubernetes", "json", "yaml"
	raw    *query            // conftest-style rules, on the raw file
	// rawMasked: raw rules see the file with its secrets masked.
	rawMasked bool
	// combine: raw rules run in EvalCombined, not in Eval.
	combine  bool
	parallel int // queries side by side on a large document
	shardMin int // resources from which a document is sharded
}

// group is the rules of one target. A small document is evaluated with one
// query over all of them; a large one with the shards (shard.go), side by
// side: one query runs on one core, and on a plan of 10,000 resources
// evaluation is most of the time.
type group struct {
	evals  []catalog.Eval
	whole  *query
	shards []*query
	// judged[N] are the resource types the rule of evals[N] judges, nil
	// when it may find something in any document (applicable.go).
	judged  [][]string
	subsets subsets
	// masked: the group's rules come from outside the built-ins and see
	// the document with its secrets masked (input.Document.Masked).
	masked bool
}

// customSuffix names the group of a target's rules from outside the
// built-ins: "terraform_custom".
const customSuffix = "_custom"

// query is one prepared query: over a generated package whose rule rN
// holds the value of evals[N] (pkg), or one whose variable rN holds it as a
// one-element array, an empty one where the rule is undefined.
type query struct {
	prepare  func(context.Context) (rego.PreparedEvalQuery, error)
	once     sync.Once
	prepared rego.PreparedEvalQuery
	err      error // of prepare
	pkg      bool
	evals    []catalog.Eval
	// index[N] is the position of evals[N] in its group, so that results
	// merge in the group's order whatever the split.
	index []int
	// types are the resource type prefixes a shard's document holds; nil
	// for the whole document.
	types []string
}

// ready prepares q once.
func (q *query) ready(ctx context.Context) error {
	q.once.Do(func() { q.prepared, q.err = q.prepare(ctx) })
	return q.err
}

// shardMin is the number of resources from which a document is evaluated
// in shards. Below it, the shards' fixed costs outweigh the gain, and a
// scan of many files already keeps every core busy.
const shardMin = 500

// targets are the document groups a selector type can name.
var targets = []string{"terraform", "kubernetes", "json", "yaml"}

// Target is the selector type that matches documents of format f.
func Target(f input.Format) string {
	switch f {
	case input.FormatTerraformPlan, input.FormatTerraformState:
		return "terraform"
	}
	return string(f)
}

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
	// shardMin overrides the package default (tests).
	shardMin int
	// allRules evaluates every rule on every document (tests).
	allRules bool
}

// New compiles the catalog's modules once and prepares the queries.
func New(ctx context.Context, cat *catalog.Catalog, opts Options) (*Engine, error) {
	e := &Engine{rules: map[string]finding.Rule{}, groups: map[string]*group{}}
	for _, r := range cat.Rules {
		e.rules[r.ID] = r
	}
	byPkg := map[string][]*ast.Module{}
	builtin := map[*ast.Module]bool{}
	for name, m := range cat.Modules {
		p := m.Package.Path.String()
		byPkg[p] = append(byPkg[p], m)
		builtin[m] = cat.Builtin[name]
	}
	// The rules of packages outside the built-ins form groups of their
	// own, evaluated on the document with its secrets masked (Options).
	plan := map[string][]catalog.Eval{}
	for _, ev := range cat.Evals {
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
	known := newReads(byPkg, builtin)
	reads := func(ev catalog.Eval) ([]string, bool) {
		sel := selectorTypes(e.rules[ev.RuleID], "terraform")
		if len(sel) == 0 {
			return nil, false
		}
		return known.readTypes(ev.Ref[:strings.LastIndex(ev.Ref, ".")], sel)
	}
	shards := map[string][][]int{}
	shardTypes := map[string][][]string{}
	if opts.Parallel != 1 && len(plan["terraform"]) > 0 {
		shards["terraform"], shardTypes["terraform"] = shardPlan(plan["terraform"], reads)
	}
	// Each group's query reads a generated package, rN := <ref>: querying a
	// package returns only the rules whose value is defined. A shard's few
	// rules are queried directly (queryText), without the compile of one
	// more package each.
	modules := SandboxModules(cat.Modules)
	for group, evs := range plan {
		m, err := queryModule(group, evs)
		if err != nil {
			return nil, err
		}
		modules["tenet_engine/"+group+".rego"] = m
	}
	compiler := ast.NewCompiler().
		WithEnablePrintStatements(false).
		WithCapabilities(Capabilities(opts.AllowBuiltins))
	if compiler.Compile(modules); compiler.Failed() {
		return nil, &catalog.PolicyError{Err: fmt.Errorf("compile policies: %w", explainRestricted(compiler.Errors))}
	}
	store := inmem.NewFromObject(cat.Data)
	newQuery := func(text string, evs []catalog.Eval, idx []int) *query {
		q := &query{index: idx}
		for _, i := range idx {
			q.evals = append(q.evals, evs[i])
		}
		q.prepare = func(ctx context.Context) (rego.PreparedEvalQuery, error) {
			opts := append([]func(*rego.Rego){rego.Query(text), rego.Compiler(compiler), rego.Store(store)}, SandboxFunctions()...)
			pq, err := rego.New(opts...).PrepareForEval(ctx)
			if err != nil {
				return pq, &catalog.PolicyError{Err: fmt.Errorf("prepare query: %w", err)}
			}
			return pq, nil
		}
		return q
	}
	for name, evs := range plan {
		text := "data.tenet_engine." + name
		if name == "raw" {
			text += rawWith
		}
		q := newQuery(text, evs, all(len(evs)))
		q.pkg = true
		if err := q.ready(ctx); err != nil {
			return nil, err
		}
		if name == "raw" {
			e.raw, e.rawMasked = q, !opts.SensitiveToCustom
			continue
		}
		g := &group{evals: evs, whole: q, judged: make([][]string, len(evs)),
			masked: strings.HasSuffix(name, customSuffix) && !opts.SensitiveToCustom}
		g.subsets.queries = map[string]*query{}
		g.subsets.build = func(idx []int) *query { return newQuery(queryText(evs, idx), evs, idx) }
		for i, ev := range evs {
			if builtinPackage(byPkg, builtin, ev) && !opts.allRules {
				g.judged[i] = selectorTypes(e.rules[ev.RuleID], name)
			}
		}
		// Shards are prepared when first used: only large documents use
		// them, and preparing the hundred-odd queries takes 40-70 ms.
		for i, idx := range shards[name] {
			p := newQuery(queryText(evs, idx), evs, idx)
			p.types = shardTypes[name][i]
			g.shards = append(g.shards, p)
		}
		e.groups[name] = g
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

// queryModule generates the package a group's query reads: rN := <ref>.
func queryModule(group string, evs []catalog.Eval) (*ast.Module, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "package tenet_engine.%s\n\n", group)
	for i, ev := range evs {
		fmt.Fprintf(&b, "r%d := %s\n", i, ev.Ref)
	}
	m, err := ast.ParseModuleWithOpts("tenet_engine/"+group+".rego", b.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, fmt.Errorf("generate query for %s: %w", group, err)
	}
	return m, nil
}

// queryText is the query over evs[idx]: rN is an array of the value of
// the Nth, empty where the rule is undefined, so that one undefined rule
// does not make the whole query undefined.
func queryText(evs []catalog.Eval, idx []int) string {
	var b strings.Builder
	for i, j := range idx {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "r%d := [x | x := %s]", i, evs[j].Ref)
	}
	return b.String()
}

// Result is what the rules found in one document.
type Result struct {
	// Findings are sorted with finding.Less.
	Findings []finding.Finding
	// Checked counts, per rule id, the resources of the rule's selector
	// types (for rules without resource types: documents) evaluated.
	Checked map[string]int
}

// Eval evaluates one document. It is safe to call concurrently.
func (e *Engine) Eval(ctx context.Context, doc input.Document) (Result, error) {
	res := Result{Checked: map[string]int{}}
	index := resourceIndex(doc)
	target := Target(doc.Source.Format)
	var masked *input.Document
	view := func(mask bool) input.Document {
		if !mask {
			return doc
		}
		if masked == nil {
			m := doc.Masked()
			masked = &m
		}
		return *masked
	}
	for _, name := range []string{target, target + customSuffix} {
		g := e.groups[name]
		if g == nil {
			continue
		}
		fs, err := e.runGroup(ctx, g, view(g.masked), index)
		if err != nil {
			return Result{}, err
		}
		res.Findings = append(res.Findings, fs...)
		e.countChecked(g.evals, doc, res.Checked)
	}
	if e.raw != nil && doc.Raw != nil && !e.combine {
		raws := rawDocuments(view(e.rawMasked))
		for i, raw := range raws {
			val, err := rawInput(raw, doc.Source.Path)
			if err != nil {
				return Result{}, err
			}
			values, err := e.values(ctx, e.raw, val)
			if err != nil {
				return Result{}, err
			}
			fs := e.findings(e.raw.evals, values, doc, index)
			name := documentName(doc.Source.Format, raw, i, len(raws))
			for j := range fs {
				fs[j].Document = name
			}
			res.Findings = append(res.Findings, fs...)
			for _, ev := range e.raw.evals {
				if ev.Kind != catalog.KindException {
					res.Checked[ev.RuleID]++
				}
			}
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return finding.Less(res.Findings[i], res.Findings[j]) })
	return res, nil
}

// rawDocuments splits the raw file the way conftest does: each document
// of a multi-document YAML file, and each element of a top-level array
// (JSON or YAML), is its own input.
func rawDocuments(doc input.Document) []any {
	if docs, ok := doc.Raw.([]any); ok {
		return docs
	}
	return []any{doc.Raw}
}

// runGroup evaluates the rules of g on doc: a large document in shards,
// concurrently. Findings come in the group's rule order either way.
func (e *Engine) runGroup(ctx context.Context, g *group, doc input.Document, index map[string]*input.Resource) ([]finding.Finding, error) {
	byType := resourcesByType(doc)
	idx, all := g.applicable(byType)
	if len(idx) == 0 {
		return nil, nil
	}
	sharded := len(g.shards) > 0 && len(doc.Resources) >= e.shardMin
	workers := 1
	if sharded {
		workers = e.parallel
	}
	terms, err := resourceTerms(doc, workers)
	if err != nil {
		return nil, err
	}
	source, err := sourceTerm(doc)
	if err != nil {
		return nil, err
	}
	if !sharded {
		val := shardValue(doc, source, terms, nil)
		q := g.query(idx, all)
		values, err := e.values(ctx, q, val)
		if err != nil {
			return nil, err
		}
		merged := make([]any, len(g.evals))
		for n, v := range values {
			merged[q.index[n]] = v
		}
		return e.findings(g.evals, merged, doc, index), nil
	}
	applicable := make([]bool, len(g.evals))
	for _, i := range idx {
		applicable[i] = true
	}
	inputs := shardInputs(byType, g.shards)
	// Largest first, so that no core is left with a big shard at the end.
	order := make([]int, 0, len(g.shards))
	for i, q := range g.shards {
		if slices.ContainsFunc(q.index, func(n int) bool { return applicable[n] }) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return len(inputs[order[a]]) > len(inputs[order[b]]) })
	merged := make([]any, len(g.evals))
	errs := make([]error, len(g.shards))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(e.parallel, len(order)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				q := g.shards[i]
				val := shardValue(doc, source, terms, inputs[i])
				values, err := e.values(ctx, q, val)
				for n, v := range values {
					merged[q.index[n]] = v
				}
				errs[i] = err
			}
		}()
	}
	for _, i := range order {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return e.findings(g.evals, merged, doc, index), nil
}

// resourcesByType maps each resource type of doc to the positions of its
// resources, in document order.
func resourcesByType(doc input.Document) map[string][]int {
	byType := map[string][]int{}
	for i, r := range doc.Resources {
		byType[r.Type] = append(byType[r.Type], i)
	}
	return byType
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

// values evaluates q on val and returns the value of each of its evals, nil
// where a rule is undefined.
func (e *Engine) values(ctx context.Context, q *query, val ast.Value) ([]any, error) {
	if err := q.ready(context.WithoutCancel(ctx)); err != nil {
		return nil, err
	}
	rs, err := q.prepared.Eval(ctx, rego.EvalParsedInput(val))
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	out := make([]any, len(q.evals))
	if len(rs) == 0 {
		return out, nil
	}
	if q.pkg {
		if len(rs[0].Expressions) == 0 {
			return out, nil
		}
		values, _ := rs[0].Expressions[0].Value.(map[string]any)
		for i := range q.evals {
			out[i] = values["r"+strconv.Itoa(i)]
		}
		return out, nil
	}
	for i := range q.evals {
		if v, _ := rs[0].Bindings["r"+strconv.Itoa(i)].([]any); len(v) == 1 {
			out[i] = v[0]
		}
	}
	return out, nil
}

// findings turns the values of evs into findings located in doc.
func (e *Engine) findings(evs []catalog.Eval, values []any, doc input.Document, index map[string]*input.Resource) []finding.Finding {
	var out []finding.Finding
	var excepted map[string]string // rule id -> exception ref
	for i, ev := range evs {
		v := values[i]
		if v == nil {
			continue
		}
		if ev.Kind == catalog.KindException {
			excepted = exceptions(excepted, ev, v)
			continue
		}
		rule := e.rules[ev.RuleID]
		for _, f := range decodeFindings(v, ev) {
			f.RuleID, f.Kind, f.Severity = rule.ID, ev.Kind, rule.Severity
			f.File = doc.Source.Path
			if r, ok := index[f.Resource]; ok && r.Location.File != "" {
				f.File, f.Line = r.Location.File, r.Location.Line
			}
			out = append(out, f)
		}
	}
	for i := range out {
		if ref, ok := excepted[out[i].RuleID]; ok {
			out[i].Waiver = &finding.Waiver{Rule: out[i].RuleID, Resource: out[i].Resource, Input: out[i].File,
				Reason: "exception rule of the policy", Source: ref}
		}
	}
	return out
}

// exceptions adds the rules that a conftest-style exception rule's value
// excepts, as conftest reads it: a set of lists of names, where "foo"
// excepts deny_foo and violation_foo, and "" excepts deny and violation.
func exceptions(acc map[string]string, ev catalog.Eval, v any) map[string]string {
	pkg := strings.TrimSuffix(ev.RuleID, ".exception")
	lists, _ := v.([]any)
	for _, l := range lists {
		names, _ := l.([]any)
		for _, n := range names {
			name, ok := n.(string)
			if !ok {
				continue
			}
			if acc == nil {
				acc = map[string]string{}
			}
			for _, prefix := range []string{"deny", "violation"} {
				id := pkg + "." + prefix
				if name != "" {
					id += "_" + name
				}
				acc[id] = ev.Ref
			}
		}
	}
	return acc
}

func resourceIndex(doc input.Document) map[string]*input.Resource {
	idx := make(map[string]*input.Resource, len(doc.Resources))
	for i := range doc.Resources {
		idx[doc.Resources[i].Address] = &doc.Resources[i]
	}
	return idx
}

// countChecked adds, for every rule of the group, the resources of its
// selector types that the document holds. Deleted resources and data
// sources are not checked: the rule helpers skip them too.
func (e *Engine) countChecked(evs []catalog.Eval, doc input.Document, checked map[string]int) {
	byType := map[string]int{}
	for _, r := range doc.Resources {
		if r.Action == input.ActionDelete || r.Mode == "data" {
			continue
		}
		byType[r.Type]++
	}
	target := Target(doc.Source.Format)
	seen := map[string]bool{}
	for _, ev := range evs {
		if seen[ev.RuleID] {
			continue
		}
		seen[ev.RuleID] = true
		rule := e.rules[ev.RuleID]
		n, typed := 0, false
		for _, s := range rule.Selectors {
			if s.Type != target {
				continue
			}
			for _, t := range s.ResourceTypes {
				typed = true
				n += byType[t]
			}
		}
		if !typed {
			n = 1 // a rule on the document as a whole
		}
		checked[rule.ID] += n
	}
}

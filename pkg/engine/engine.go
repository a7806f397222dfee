package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"

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
	groups map[string]*query // by target: "terraform", "kubernetes", "json", "yaml"
	raw    *query            // conftest-style rules, on the raw file
}

// query is one prepared query over a generated package whose rule rN holds
// the value of evals[N].
type query struct {
	prepared rego.PreparedEvalQuery
	evals    []catalog.Eval
}

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
}

// New compiles the catalog's modules once and prepares the queries.
func New(ctx context.Context, cat *catalog.Catalog, opts Options) (*Engine, error) {
	e := &Engine{rules: map[string]finding.Rule{}, groups: map[string]*query{}}
	for _, r := range cat.Rules {
		e.rules[r.ID] = r
	}
	modules := make(map[string]*ast.Module, len(cat.Modules)+len(targets)+1)
	for name, m := range cat.Modules {
		modules[name] = m
	}
	plan := map[string][]catalog.Eval{}
	for _, ev := range cat.Evals {
		if ev.Raw {
			plan["raw"] = append(plan["raw"], ev)
			continue
		}
		for _, t := range targets {
			if applies(e.rules[ev.RuleID], t) {
				plan[t] = append(plan[t], ev)
			}
		}
	}
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
	for group, evs := range plan {
		pq, err := rego.New(
			rego.Query("data.tenet_engine."+group),
			rego.Compiler(compiler),
			rego.Store(store),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, &catalog.PolicyError{Err: fmt.Errorf("prepare query: %w", err)}
		}
		q := &query{prepared: pq, evals: evs}
		if group == "raw" {
			e.raw = q
		} else {
			e.groups[group] = q
		}
	}
	return e, nil
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
// Querying the package returns only the rules whose value is defined, so one
// undefined rule does not hide the others.
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
	if q := e.groups[target]; q != nil {
		val, err := nativeValue(doc)
		if err != nil {
			return Result{}, err
		}
		fs, err := e.run(ctx, q, val, doc, index)
		if err != nil {
			return Result{}, err
		}
		res.Findings = append(res.Findings, fs...)
		e.countChecked(q, doc, res.Checked)
	}
	if e.raw != nil && doc.Raw != nil {
		for _, raw := range rawDocuments(doc) {
			val, err := ast.InterfaceToValue(raw)
			if err != nil {
				return Result{}, fmt.Errorf("convert input: %w", err)
			}
			fs, err := e.run(ctx, e.raw, val, doc, index)
			if err != nil {
				return Result{}, err
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

// rawDocuments splits a multi-document YAML file the way conftest does:
// each document is its own input.
func rawDocuments(doc input.Document) []any {
	if docs, ok := doc.Raw.([]any); ok && doc.Source.Documents > 1 {
		return docs
	}
	return []any{doc.Raw}
}

func (e *Engine) run(ctx context.Context, q *query, val ast.Value, doc input.Document, index map[string]*input.Resource) ([]finding.Finding, error) {
	rs, err := q.prepared.Eval(ctx, rego.EvalParsedInput(val))
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	values, _ := rs[0].Expressions[0].Value.(map[string]any)
	var out []finding.Finding
	var excepted map[string]string // rule id -> exception ref
	for i, ev := range q.evals {
		v, ok := values[fmt.Sprintf("r%d", i)]
		if !ok {
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
	return out, nil
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
func (e *Engine) countChecked(q *query, doc input.Document, checked map[string]int) {
	byType := map[string]int{}
	for _, r := range doc.Resources {
		if r.Action == input.ActionDelete || r.Mode == "data" {
			continue
		}
		byType[r.Type]++
	}
	target := Target(doc.Source.Format)
	seen := map[string]bool{}
	for _, ev := range q.evals {
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

package engine

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/conftestfn"
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
	// unmasked: rules from outside the built-ins see secrets, in their
	// input and in the files they parse (Options.SensitiveToCustom).
	unmasked bool
	// combine: raw rules run in EvalCombined, not in Eval.
	combine  bool
	parallel int       // queries side by side on a large document
	shardMin int       // resources from which a document is sharded
	splitMax int       // resources from which its shards compile whole (shardQueries)
	debug    *debugOut // print() and trace of custom policies; nil: none
	// builtin are the ids of the rules whose packages are built in.
	builtin map[string]bool
	// volatile returns the ids of the rules whose results may change
	// while the document stays the same, or all when any may, and then no
	// shard is memoized (volatileRules). It walks every module, so only
	// an evaluation with a Memo calls it.
	volatile func() (ids map[string]bool, all bool)
}

// group is the rules of one target. A small document is evaluated with one
// query over all of them; a large one with the shards (shard.go), side by
// side: one query runs on one core, and on a plan of 10,000 resources
// evaluation is most of the time.
type group struct {
	evals []catalog.Eval
	whole *query
	// shards plans the shards on first call (shard.go); none for a
	// group that is never sharded. parts are the same shards compiled in
	// parts side by side (subUnits.split).
	shards, parts func() []*query
	// judged[N] are the resource types the rule of evals[N] judges, nil
	// when it may find something in any document (applicable.go).
	judged  [][]string
	subsets subsets
	// sub hands out the units its subsets compile in (subunits.go).
	sub *subUnits
	// apart holds the shards' queries compiled in a unit of their own
	// (shardsApart).
	apart shardsApart
	// warm starts the compile once (Warm).
	warm sync.Once
	// batched[N]: evals[N] may be evaluated on the objects of many
	// documents at once (batch.go).
	batched []bool
	// checks is what each rule of the group counts as checked.
	checks []check
	// masked: the group's rules come from outside the built-ins and see
	// the document with its secrets masked (input.Document.Masked).
	masked bool
}

// hasExceptions tells whether g has exception rules, whose values except
// the findings of its other rules.
func (g *group) hasExceptions() bool {
	return slices.ContainsFunc(g.evals, func(ev catalog.Eval) bool { return ev.Exception })
}

// customSuffix names the group of a target's rules from outside the
// built-ins: "terraform_custom".
const customSuffix = "_custom"

// query is one prepared query (queryText): an array whose Nth element
// holds the value of evals[N] as a one-element array, an empty one where
// the rule is undefined.
type query struct {
	unit     *unit // it compiles in
	prepare  func(context.Context) (rego.PreparedEvalQuery, error)
	once     sync.Once
	prepared rego.PreparedEvalQuery
	err      error // of prepare
	evals    []catalog.Eval
	// index[N] is the position of evals[N] in its group, so that results
	// merge in the group's order whatever the split.
	index []int
	// types are the resource type prefixes a shard's document holds; nil
	// for the whole document.
	types []string
	// perResource: a shard whose rules all declare per-resource findings
	// (catalog.Eval.PerResource), which a Memo keeps by component.
	perResource bool
	// debug: the query runs policies from outside the built-ins, whose
	// print() output and trace are shown (debug.go).
	debug bool
}

// ready prepares q once.
func (q *query) ready(ctx context.Context) error {
	q.once.Do(func() { q.prepared, q.err = q.prepare(ctx) })
	return q.err
}

// splitMax is the number of resources from which a sharded document's
// rules compile in the target's whole unit rather than in parts.
const splitMax = 20000

// shardMin is the number of resources from which a document is evaluated
// in shards. Below it, the shards' fixed costs outweigh the gain, and a
// scan of many files already keeps every core busy.
const shardMin = 500

// targets are the document groups a selector type can name.
var targets = []string{"terraform", "kubernetes", "dockerfile", "json", "yaml"}

// Target is the selector type that matches documents of format f. A
// CloudFormation template is read in the Terraform view (pkg/cfn/view),
// so the rules that judge plans judge it.
func Target(f input.Format) string {
	switch f {
	case input.FormatTerraformPlan, input.FormatTerraformState, input.FormatTerraform, input.FormatCloudFormation:
		return "terraform"
	}
	return string(f)
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
	return e.eval(ctx, doc, evalRun{})
}

// EvalReleasing is Eval for a caller that hands the document over: once
// the resources of a Terraform document (plan, state, configuration or
// CloudFormation view) are converted to OPA's form, it sets their Values
// and Before to nil, except on resources with sensitive values, which
// redaction reads afterwards. The Go values of a plan are about its size
// in memory and no rule reads them during evaluation, so dropping them
// before it lowers the peak heap of a large scan by that much
// (BenchmarkMemoryStages). The caller must not read them afterwards.
func (e *Engine) EvalReleasing(ctx context.Context, doc input.Document) (Result, error) {
	return e.eval(ctx, doc, evalRun{release: Target(doc.Source.Format) == "terraform"})
}

// evalRun is how eval evaluates one document.
type evalRun struct {
	// release: the caller hands the document over (EvalReleasing).
	release bool
	// memo, when set, keeps and reuses the shards' findings (EvalWith).
	memo Memo
	// batched: the rules the target's group batches (group.batched) were
	// evaluated with other documents and are left out (EvalBatch).
	batched bool
	// terms, when set, are the document's resources converted for its
	// target's group of built-in rules.
	terms []*ast.Term
}

func (e *Engine) eval(ctx context.Context, doc input.Document, run evalRun) (Result, error) {
	res := Result{Checked: map[string]int{}}
	index := resourceIndex(doc)
	target := Target(doc.Source.Format)
	ctx = e.fileScope(ctx, doc)
	// The views of the document: the groups of rules from outside the
	// built-ins and the raw rules see it masked, a sharded group only
	// the resources it reads (groupView).
	var whole *input.Document
	masked := func() input.Document {
		if whole == nil {
			m := doc.Masked()
			whole = &m
		}
		return *whole
	}
	views := map[*group]input.Document{}
	view := func(g *group) input.Document {
		if !g.masked {
			return doc
		}
		v, ok := views[g]
		if !ok {
			v = e.groupView(g, doc, masked)
			views[g] = v
		}
		return v
	}
	names := []string{target, target + customSuffix}
	// Released values are gone for every view, so each group that runs
	// converts its view first.
	pre := map[string][]*ast.Term{target: run.terms}
	// The shards' keys digest the resources' values, which release drops.
	m := e.newMemoRun(run.memo, doc)
	if run.release {
		for _, name := range names {
			if g := e.groups[name]; g != nil {
				terms, err := e.groupTerms(g, view(g), m.needs(name))
				if err != nil {
					return Result{}, err
				}
				pre[name] = terms
			}
		}
		releaseValues(doc)
	}
	for _, name := range names {
		g := e.groups[name]
		if g == nil {
			continue
		}
		fs, err := e.runGroup(ctx, g, name, view(g), index, pre[name], m, run.batched)
		if err != nil {
			return Result{}, err
		}
		if res.Findings == nil {
			res.Findings = fs // runGroup's own: a large plan's, not copied
		} else {
			res.Findings = append(res.Findings, fs...)
		}
		countChecked(g.checks, doc, res.Checked)
	}
	if e.raw != nil && doc.Raw != nil && !e.combine {
		rawDoc := doc
		if e.rawMasked {
			rawDoc = masked()
		}
		raws := rawDocuments(rawDoc)
		for i, raw := range raws {
			val, err := rawInput(raw, doc.Source.Path)
			if err != nil {
				return Result{}, err
			}
			values, err := e.values(ctx, e.raw, val, doc.Source.Path)
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
				if !ev.Exception {
					res.Checked[ev.RuleID]++
				}
			}
		}
	}
	finding.Sort(res.Findings)
	return res, nil
}

// fileScope gives the policies' file built-ins (parse_config_file) the
// evaluated documents' directories and the secrets to mask in what they
// read: the documents' own, which a policy could otherwise read from the
// input file itself.
func (e *Engine) fileScope(ctx context.Context, docs ...input.Document) context.Context {
	sc := conftestfn.Scope{Unmasked: e.unmasked}
	for _, d := range docs {
		sc.Inputs = append(sc.Inputs, d.Source.Path)
	}
	if !e.unmasked {
		sc.Secrets = sync.OnceValue(func() []string {
			var all []string
			for _, d := range docs {
				all = append(all, d.SensitiveStrings()...)
			}
			return all
		})
	}
	return conftestfn.WithScope(ctx, sc)
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

// groupTerms converts doc's resources for g, on as many cores as g's
// shards use; nil when no rule of g applies to doc, which then converts
// nothing. With need, only the resources it marks are converted: the
// others' terms are nil. In shards, only the resources that a shard of
// rules applicable to doc reads are converted: a few rules from outside
// the built-ins convert the resources of the types they read, not the
// whole plan again.
func (e *Engine) groupTerms(g *group, doc input.Document, need []bool) ([]*ast.Term, error) {
	byType := resourcesByType(doc)
	idx, _ := g.applicable(byType)
	if len(idx) == 0 {
		return nil, nil
	}
	workers := 1
	if e.sharded(g, doc) {
		workers = e.parallel
		if need == nil {
			need = shardsRead(g.shards(), byType, len(doc.Resources), idx)
		}
	}
	return resourceTerms(doc, workers, need)
}

// groupView is doc as the rules of g, which see it masked, see it: in
// shards, only the resources their shards read, masked, the others without
// values (input.Document.MaskedResources), so that the values of a large
// plan are not copied for a few rules; else the whole document masked
// (masked).
func (e *Engine) groupView(g *group, doc input.Document, masked func() input.Document) input.Document {
	if !e.sharded(g, doc) {
		return masked()
	}
	byType := resourcesByType(doc)
	idx, _ := g.applicable(byType)
	return doc.MaskedResources(shardsRead(g.shards(), byType, len(doc.Resources), idx))
}

// shardsRead marks the resources of a document (n of them, byType) that
// the shards holding one of the evals idx read; nil when one of those
// shards reads the whole document.
func shardsRead(shards []*query, byType map[string][]int, n int, idx []int) []bool {
	applicable := map[int]bool{}
	for _, i := range idx {
		applicable[i] = true
	}
	inputs := shardInputs(byType, shards)
	read := make([]bool, n)
	for i, q := range shards {
		if !slices.ContainsFunc(q.index, func(j int) bool { return applicable[j] }) {
			continue
		}
		if q.types == nil {
			return nil
		}
		for _, j := range inputs[i] {
			read[j] = true
		}
	}
	return read
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

// values evaluates q on val and returns the value of each of its evals, nil
// where a rule is undefined.
func (e *Engine) values(ctx context.Context, q *query, val ast.Value, file string) ([]any, error) {
	// A shard query is prepared once, by whichever document needs it
	// first, and then shared by every document of the engine: it must not
	// be left failed because that first document's context was cancelled
	// (its per-input time limit), so the preparation keeps the values of
	// ctx but not its cancellation.
	if err := q.ready(context.WithoutCancel(ctx)); err != nil {
		return nil, err
	}
	debugOpts, finish := e.debug.evalOptions(q, file)
	rs, err := q.prepared.Eval(ctx, append([]rego.EvalOption{rego.EvalParsedInput(val)}, debugOpts...)...)
	finish()
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	out := make([]any, len(q.evals))
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return out, nil
	}
	values, _ := rs[0].Expressions[0].Value.([]any)
	for i := range min(len(out), len(values)) {
		if v, _ := values[i].([]any); len(v) == 1 {
			out[i] = v[0]
		}
	}
	return out, nil
}

package engine

import (
	"context"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// Batches: a scan of many small files, such as a repository of Kubernetes
// manifests, evaluates each file with a query of its own, and each query
// repeats what the rules do whatever the file holds: the library's calls
// with constant arguments, whose results OPA keeps only within a query,
// and every rule's first steps. On 1,000 generated manifests of one to
// three objects this was two thirds of the evaluation: 1.6 s of CPU,
// against 0.5 s for the same objects in one document.
//
// So the rules whose findings on an object depend on that object, and on
// the objects of its own file that they join it with, are evaluated once
// on a document holding the objects of many files, and each of their
// findings goes to the file of the object it names. Such rules declare it
// (catalog.Eval.PerResource). Outside Terraform, whose per-resource rules
// follow joins that documents put together would cross, the library's
// joins (lib/kubernetes objects_beside) keep to the objects of one input:
// in a batch each object is marked with its document (batchInput). The
// other rules, and those from outside the built-ins, are evaluated on each
// file, as they would be without batches. TestBatchEqualsEval holds the
// result to that of Eval.

// batchInput is the key that marks each object of a batch with its
// document, for lib/kubernetes's same_input: a rule that joins an object
// with others only through it finds in a batch what it finds in the
// object's document alone.
const batchInput = "batch_input"

// batchTerms returns the objects of the documents of a batch, terms[j]
// being those of its jth document, in one list, each a copy marked with
// its document's index.
func batchTerms(terms [][]*ast.Term) ([]*ast.Term, error) {
	var out []*ast.Term
	key := ast.StringTerm(batchInput)
	for j, ts := range terms {
		mark := ast.IntNumberTerm(j)
		for _, t := range ts {
			obj, ok := t.Value.(ast.Object)
			if !ok || obj.Get(key) != nil {
				return nil, fmt.Errorf("an object of document %d of a batch is not an object without %s", j, batchInput)
			}
			marked := ast.NewObject()
			obj.Foreach(func(k, v *ast.Term) { marked.Insert(k, v) })
			marked.Insert(key, mark)
			sortObject(marked)
			out = append(out, ast.NewTerm(marked))
		}
	}
	return out, nil
}

// Warm starts compiling, beside the caller, what evaluating a document
// like doc needs: its target's rules, which compile when a document first
// needs them. A scan calls it as each input loads, so that the compile
// runs beside the loading of the others rather than after them, when the
// batches wait for it. A document whose rules compile in a unit of their
// own (subunits.go), a small one or the shards of a large one of a few
// types, is left to Eval, which compiles them at once: the whole target
// would be compiled for nothing. A large document's shards compile in
// parts, side by side, unless it is very large (shardQueries): those are
// what it warms. Errors are those the evaluation then returns.
func (e *Engine) Warm(ctx context.Context, doc input.Document) {
	e.WarmWith(ctx, doc, EvalOptions{})
}

// WarmWith is Warm for a document that EvalWith will evaluate with opts.
// With a Memo, the shards of a large document that would compile in parts
// are left to the evaluation: the Memo may hold most of them, and the
// evaluation compiles apart the rules of those it lacks when they are few
// (an unchanged plan: the rules that read the clock). A very large
// document is warmed still: its whole query compiles beside its loading,
// which takes longer than the compile.
func (e *Engine) WarmWith(ctx context.Context, doc input.Document, opts EvalOptions) {
	g := e.groups[Target(doc.Source.Format)]
	if g == nil {
		return
	}
	if !e.Batchable(doc) {
		if idx, all := g.applicable(resourcesByType(doc)); !all && g.sub.wouldMake(g.evals, idx) {
			return
		}
	}
	if e.sharded(g, doc) && len(doc.Resources) < e.splitMax {
		if opts.Memo != nil {
			return
		}
		g.warm.Do(func() {
			seen := map[*unit]bool{}
			for _, q := range g.parts() {
				if !seen[q.unit] {
					seen[q.unit] = true
					go q.unit.compile() // its error is the evaluation's
				}
			}
		})
		return
	}
	g.warm.Do(func() { go g.whole.ready(context.WithoutCancel(ctx)) })
}

// Batchable tells whether doc may be evaluated in a batch (EvalBatch): a
// document of a target other than Terraform, too small to be sharded,
// that some of its target's built-in rules judge object by object.
func (e *Engine) Batchable(doc input.Document) bool {
	target := Target(doc.Source.Format)
	if target == "terraform" || len(doc.Resources) == 0 || len(doc.Resources) >= e.shardMin {
		return false
	}
	g := e.groups[target]
	return g != nil && slices.Contains(g.batched, true)
}

// EvalBatch evaluates docs, each accepted by Batchable, and returns for
// each what Eval returns for it. Documents of different formats, or that
// name an object alike, are not evaluated together. It returns an error
// when any evaluation fails, or when a finding of a per-resource rule
// names no object of its batch: the caller then evaluates each document
// with Eval, which says which of them fails. It is safe to call
// concurrently.
func (e *Engine) EvalBatch(ctx context.Context, docs []input.Document) ([]Result, error) {
	out := make([]Result, len(docs))
	for _, part := range batchParts(docs) {
		if err := e.evalBatch(ctx, docs, part, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// batchParts splits docs into parts that may be evaluated as one
// document: of one format, each address in one document at most. A
// document goes to the first part it fits.
func batchParts(docs []input.Document) [][]int {
	type part struct {
		format    input.Format
		docs      []int
		addresses map[string]bool
	}
	var parts []*part
	for i, d := range docs {
		var into *part
		for _, p := range parts {
			if p.format == d.Source.Format && !slices.ContainsFunc(d.Resources, func(r input.Resource) bool { return p.addresses[r.Address] }) {
				into = p
				break
			}
		}
		if into == nil {
			into = &part{format: d.Source.Format, addresses: map[string]bool{}}
			parts = append(parts, into)
		}
		into.docs = append(into.docs, i)
		for _, r := range d.Resources {
			into.addresses[r.Address] = true
		}
	}
	out := make([][]int, len(parts))
	for i, p := range parts {
		out[i] = p.docs
	}
	return out
}

// evalBatch evaluates docs[part] into out: the per-resource rules once,
// on a document holding all their objects, the others on each document.
func (e *Engine) evalBatch(ctx context.Context, docs []input.Document, part []int, out []Result) error {
	first := docs[part[0]]
	merged := input.Document{Schema: first.Schema, Source: input.Source{Format: first.Source.Format}}
	owner := map[string]int{}
	scope := make([]input.Document, 0, len(part))
	for _, i := range part {
		for _, r := range docs[i].Resources {
			owner[r.Address] = i
		}
		merged.Resources = append(merged.Resources, docs[i].Resources...)
		merged.Source.Documents += docs[i].Source.Documents
		scope = append(scope, docs[i])
	}
	// Each document's objects are converted once, for its batch and for
	// its own evaluation.
	terms := make([][]*ast.Term, len(part))
	for j, i := range part {
		var err error
		if terms[j], err = resourceTerms(docs[i], 1, nil); err != nil {
			return err
		}
	}
	found := map[int][]finding.Finding{}
	g := e.groups[Target(first.Source.Format)]
	idx, _ := g.applicable(resourcesByType(merged))
	idx = slices.DeleteFunc(idx, func(i int) bool { return !g.batched[i] })
	if len(idx) > 0 {
		terms, err := batchTerms(terms)
		if err != nil {
			return err
		}
		source, err := sourceTerm(merged)
		if err != nil {
			return err
		}
		q := g.query(idx, false)
		values, err := e.values(e.fileScope(ctx, scope...), q, shardValue(merged, source, terms, nil), "")
		if err != nil {
			return err
		}
		indexes := map[int]map[string]*input.Resource{}
		for _, f := range e.findings(q.evals, values, merged, nil) {
			i, ok := owner[f.Resource]
			if !ok {
				return fmt.Errorf("rule %s: a finding names %q, which no document of the batch holds", f.RuleID, f.Resource)
			}
			if indexes[i] == nil {
				indexes[i] = resourceIndex(docs[i])
			}
			setLocation(&f, docs[i], indexes[i])
			found[i] = append(found[i], f)
		}
	}
	for j, i := range part {
		res, err := e.eval(ctx, docs[i], evalRun{batched: true, terms: terms[j]})
		if err != nil {
			return err
		}
		res.Findings = append(res.Findings, found[i]...)
		finding.Sort(res.Findings)
		out[i] = res
	}
	return nil
}

package engine

import (
	"context"
	"errors"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// runGroup evaluates the rules of g (the group name) on doc: a large
// document in shards, concurrently, taking from m's Memo the findings of
// the shards it holds. Findings come in the group's rule order, or, with a
// Memo, in the shards' order, which Eval's sort makes the same. With
// batched, the rules that g batches are left out.
func (e *Engine) runGroup(ctx context.Context, g *group, name string, doc input.Document, index map[string]*input.Resource, terms []*ast.Term, m *memoRun, batched bool) ([]finding.Finding, error) {
	byType := resourcesByType(doc)
	idx, all := g.applicable(byType)
	if batched && slices.Contains(g.batched, true) {
		idx, all = slices.DeleteFunc(idx, func(i int) bool { return g.batched[i] }), false
	}
	if len(idx) == 0 {
		return nil, nil
	}
	sharded := e.sharded(g, doc)
	if terms == nil {
		var err error
		if terms, err = e.groupTerms(g, doc, m.needs(name)); err != nil {
			return nil, err
		}
	}
	source, err := sourceTerm(doc)
	if err != nil {
		return nil, err
	}
	if !sharded {
		val := shardValue(doc, source, terms, nil)
		q := g.query(idx, all)
		values, err := e.values(ctx, q, val, doc.Source.Path)
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
	shards := e.shardQueries(g, doc)
	inputs := shardInputs(byType, shards)
	// Largest first, so that no core is left with a big shard at the end.
	order := make([]int, 0, len(shards))
	for i, q := range shards {
		if slices.ContainsFunc(q.index, func(n int) bool { return applicable[n] }) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return len(inputs[order[a]]) > len(inputs[order[b]]) })
	if m != nil && m.name != name {
		m = nil
	}
	// The shards whose findings the Memo holds need no query: the rules
	// of the others may be few enough to compile apart.
	evaluated := order
	if m != nil {
		evaluated = slices.DeleteFunc(slices.Clone(order), func(i int) bool { return m.hit[i] })
	}
	if apart := g.shardsApart(shards, evaluated); apart != nil {
		shards = apart
	}
	compileUnits(shards, evaluated)
	drop := newTermDrops(terms, inputs, order)
	merged := make([]any, len(g.evals))
	// Without exception rules, whose values except findings of rules in
	// other shards, each rule's findings are made by the worker that
	// evaluated it: on a 50k plan, making them all after the shards kept
	// one core busy for 0.4 s, the other idle.
	perEval := !g.hasExceptions()
	byEval := make([][]finding.Finding, len(g.evals))
	// With a Memo, each shard's findings are made on their own: those
	// it holds and those it is given.
	memoized := make([][]finding.Finding, len(shards))
	// shard evaluates shard i, or takes its findings from the Memo.
	shard := func(i int) error {
		q := shards[i]
		if m != nil && m.hit[i] {
			memoized[i] = m.found[i]
			e.locate(memoized[i], doc, index)
			return nil
		}
		if m != nil && m.parts[i] != nil {
			var err error
			memoized[i], err = e.evalParts(ctx, q, doc, source, terms, inputs[i], m, i, index)
			return err
		}
		val := shardValue(doc, source, terms, inputs[i])
		values, err := e.values(ctx, q, val, doc.Source.Path)
		if err != nil {
			return err
		}
		if m != nil {
			memoized[i] = e.findings(q.evals, values, doc, index)
			if m.keys[i] != "" {
				m.memo.Put(m.keys[i], m.secrets, Parts{"": memoized[i]})
			}
			return nil
		}
		for n, v := range values {
			if perEval {
				byEval[q.index[n]] = e.findings(q.evals[n:n+1], values[n:n+1], doc, index)
				continue
			}
			merged[q.index[n]] = v
		}
		return nil
	}
	errs := make([]error, len(shards))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(e.parallel, len(order)) {
		wg.Go(func() {
			for i := range work {
				errs[i] = shard(i)
				drop.done(i)
			}
		})
	}
	for _, i := range order {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	switch {
	case m != nil:
		return slices.Concat(memoized...), nil
	case perEval:
		// In the group's rule order, as findings makes them.
		return slices.Concat(byEval...), nil
	}
	return e.findings(g.evals, merged, doc, index), nil
}

// sharded tells whether g evaluates doc in shards.
func (e *Engine) sharded(g *group, doc input.Document) bool {
	return len(doc.Resources) >= e.shardMin && len(g.shards()) > 0
}

// termDrops drops a sharded document's converted resources as the shards
// that read them finish: the heap then shrinks while the last shards run,
// where a large plan's scan peaked, instead of holding every resource to
// the end.
type termDrops struct {
	terms  []*ast.Term
	inputs [][]int
	left   []atomic.Int32 // by resource, the shards still to read it
}

// newTermDrops counts the readers among the shards to evaluate (order) of
// each resource of terms; nil, which drops nothing, when one of them
// reads the whole document.
func newTermDrops(terms []*ast.Term, inputs [][]int, order []int) *termDrops {
	d := &termDrops{terms: terms, inputs: inputs, left: make([]atomic.Int32, len(terms))}
	for _, i := range order {
		if inputs[i] == nil {
			return nil
		}
		for _, j := range inputs[i] {
			d.left[j].Add(1)
		}
	}
	return d
}

// done drops the resources that no shard after shard i reads.
func (d *termDrops) done(i int) {
	if d == nil {
		return
	}
	for _, j := range d.inputs[i] {
		if d.left[j].Add(-1) == 0 {
			d.terms[j] = nil
		}
	}
}

// compileUnits starts the compiles of the units that the shards at order
// compile in, side by side. A worker compiles the unit of its first shard
// when it needs it, and the first shards, the largest, often share one:
// under the cache (which skips the warm-up while the plan loads), a
// re-scan of the 10k plan with 1% of it changed compiled its two units one
// after the other, the other core waiting. Each compiles once; its error is
// the evaluation's. The evaluation does not wait for them: wait, which
// does, is for the tests.
func compileUnits(shards []*query, order []int) (wait func()) {
	var wg sync.WaitGroup
	seen := map[*unit]bool{}
	for _, i := range order {
		if u := shards[i].unit; !seen[u] {
			seen[u] = true
			wg.Go(func() { _, _ = u.compile() })
		}
	}
	return wg.Wait
}

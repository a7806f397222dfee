package tenet

import (
	"context"
	"fmt"
	"sync"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/input"
)

// defaultBatchObjects is how many objects a batch of small documents
// holds (engine.EvalBatch): enough that each query's fixed cost is shared
// by many files, few enough that a scan of a few hundred objects still
// keeps every core busy.
const defaultBatchObjects = 256

// evalPending evaluates the documents that scanFile left for batches, on
// as many cores as the scan uses. A batch whose evaluation fails is
// evaluated again document by document, so that the error names its input
// and the other documents keep their results.
func (s *Scanner) evalPending(ctx context.Context, outcomes []outcome) {
	var pending []int
	objects := 0
	for i, o := range outcomes {
		if o.pending {
			pending = append(pending, i)
			objects += len(o.doc.Resources)
		}
	}
	if len(pending) == 0 {
		return
	}
	size := s.cfg.batchObjects
	if size == 0 {
		size = defaultBatchObjects
	}
	size = max(1, min(size, (objects+s.cfg.parallel-1)/s.cfg.parallel))
	var batches [][]int
	var batch []int
	n := 0
	for _, i := range pending {
		batch = append(batch, i)
		if n += len(outcomes[i].doc.Resources); n >= size {
			batches, batch, n = append(batches, batch), nil, 0
		}
	}
	if len(batch) > 0 {
		batches = append(batches, batch)
	}
	work := make(chan []int)
	var wg sync.WaitGroup
	for range min(s.cfg.parallel, len(batches)) {
		wg.Go(func() {
			for b := range work {
				s.evalBatch(ctx, outcomes, b)
			}
		})
	}
	for _, b := range batches {
		work <- b
	}
	close(work)
	wg.Wait()
}

// evalBatch evaluates the documents of outcomes[batch] together, or, when
// that fails, each alone.
func (s *Scanner) evalBatch(ctx context.Context, outcomes []outcome, batch []int) {
	docs := make([]input.Document, len(batch))
	for j, i := range batch {
		docs[j] = outcomes[i].doc
	}
	results, err := s.batchResults(ctx, docs)
	if err == nil {
		s.batched.Add(int64(len(batch)))
	}
	for j, i := range batch {
		if err != nil {
			outcomes[i] = s.evalFile(ctx, outcomes[i])
			continue
		}
		outcomes[i] = s.evaluated(outcomes[i], results[j])
	}
}

// batchResults is engine.EvalBatch under the per-input time limit, with
// a panic turned into an error.
func (s *Scanner) batchResults(ctx context.Context, docs []input.Document) (results []engine.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error while evaluating: %v", r)
		}
	}()
	_, err = s.evaluate(ctx, "a batch of inputs", func(ctx context.Context) (engine.Result, error) {
		var err error
		results, err = s.eng.EvalBatch(ctx, docs)
		return engine.Result{}, err
	})
	return results, err
}

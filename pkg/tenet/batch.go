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

// batcher evaluates the documents that scanFile leaves for batches (see
// evalBatch) while the other inputs still load: each time the documents
// waiting hold a full batch of objects, that batch is evaluated beside
// the loading. So one input that loads slowly (a Helm chart whose template
// loops) does not hold back the evaluation of every small file, and
// evaluation overlaps loading.
type batcher struct {
	s        *Scanner
	ctx      context.Context
	outcomes []outcome
	size     int // objects of a full batch
	mu       sync.Mutex
	waiting  []int // indexes into outcomes
	objects  int   // of the documents waiting
	slots    chan struct{}
	running  sync.WaitGroup
}

func (s *Scanner) newBatcher(ctx context.Context, outcomes []outcome) *batcher {
	size := s.cfg.batchObjects
	if size == 0 {
		size = defaultBatchObjects
	}
	return &batcher{s: s, ctx: ctx, outcomes: outcomes, size: size, slots: make(chan struct{}, s.cfg.parallel)}
}

// add leaves outcomes[i], whose scanFile has returned, for a batch. Only
// the caller's goroutine touches outcomes[i] before add, and only the
// batcher after.
func (b *batcher) add(i int) {
	b.mu.Lock()
	b.waiting = append(b.waiting, i)
	b.objects += len(b.outcomes[i].doc.Resources)
	var full []int
	if b.objects >= b.size {
		full, b.waiting, b.objects = b.waiting, nil, 0
	}
	b.mu.Unlock()
	if full != nil {
		b.start(full)
	}
}

// start evaluates batch beside the caller, at most as many at once as the
// scan uses cores.
func (b *batcher) start(batch []int) {
	b.running.Go(func() {
		b.slots <- struct{}{}
		defer func() { <-b.slots }()
		b.s.evalBatch(b.ctx, b.outcomes, batch)
	})
}

// flush evaluates the documents waiting, in batches of about the same
// number of objects each, as many as the scan uses cores when they hold
// less than that many full batches, so that a scan of a few hundred
// objects still keeps every core busy.
func (b *batcher) flush() {
	b.mu.Lock()
	waiting, objects := b.waiting, b.objects
	b.waiting, b.objects = nil, 0
	b.mu.Unlock()
	parallel := b.s.cfg.parallel
	size := max(1, min(b.size, (objects+parallel-1)/parallel))
	var batch []int
	n := 0
	for _, i := range waiting {
		batch = append(batch, i)
		if n += len(b.outcomes[i].doc.Resources); n >= size {
			b.start(batch)
			batch, n = nil, 0
		}
	}
	if len(batch) > 0 {
		b.start(batch)
	}
}

// wait flushes what is left and returns when every batch is evaluated.
func (b *batcher) wait() {
	b.flush()
	b.running.Wait()
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

package tenet

import (
	"context"
	"errors"
	"fmt"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// outcome is what happened to one input file.
type outcome struct {
	doc input.Document
	res engine.Result
	err error
	// cached: res came from the cache, without the engine.
	cached bool
	// pending: doc waits to be evaluated in a batch (batch.go); path,
	// key and cacheable are then what evaluating it needs.
	pending   bool
	path      string
	key       string
	cacheable bool
}

// scanFile loads one input and evaluates it, or finds its result in the
// cache, or leaves it for a batch (pending).
func (s *Scanner) scanFile(ctx context.Context, path string, aliases *loader.AliasBudget) outcome {
	doc, err := loader.Read(ctx, path, s.loaderOptions(s.keepRaw, aliases))
	if path == "-" && s.cfg.stdinName != "" {
		var fe *loader.FileError
		if errors.As(err, &fe) && fe.Path == "-" {
			fe.Path = s.cfg.stdinName
		}
		renameInput(&doc, s.cfg.stdinName)
		path = s.cfg.stdinName
	}
	if err != nil {
		return outcome{err: s.loadError(ctx, path, err)}
	}
	// A cached result needs no engine: it is looked up before waiting
	// for the compile, which a run whose inputs all hit does not wait for.
	o := outcome{doc: doc, path: path}
	if s.cache != nil {
		o.key, o.cacheable = s.cache.key(doc)
		if o.cacheable {
			if res, hit := s.cache.get(o.key); hit {
				return outcome{doc: doc, res: res, cached: true}
			}
		}
	}
	select {
	case <-s.compiled:
	case <-ctx.Done():
		return outcome{doc: doc, err: &loader.FileError{Path: path, Err: s.runTimeError()}}
	}
	if s.engErr != nil {
		return outcome{} // Scan returns the policy error
	}
	s.eng.WarmWith(ctx, doc, s.evalOptions())
	if s.cfg.batchObjects >= 0 && s.eng.Batchable(doc) {
		o.pending = true
		return o
	}
	return s.evalFile(ctx, o)
}

// evalFile evaluates o's document alone.
func (s *Scanner) evalFile(ctx context.Context, o outcome) (out outcome) {
	defer func() {
		if r := recover(); r != nil {
			out = outcome{doc: o.doc, err: &loader.FileError{Path: o.path, Err: fmt.Errorf("internal error while evaluating: %v", r)}}
		}
	}()
	// An input not found whole in the cache, or never cached because a
	// rule reading the clock judges it, may still find there the shards
	// of a large plan that did not change.
	opts := s.evalOptions()
	res, err := s.evaluate(ctx, "this input", func(ctx context.Context) (engine.Result, error) { return s.eng.EvalWith(ctx, o.doc, opts) })
	if err != nil {
		return outcome{doc: o.doc, err: &loader.FileError{Path: o.path, Err: err}}
	}
	return s.evaluated(o, res)
}

// evalOptions are the options of an input's evaluation: it hands its
// document over, and takes the shards of a large plan from the cache.
func (s *Scanner) evalOptions() engine.EvalOptions {
	return engine.EvalOptions{Release: true, Memo: s.cache.memo()}
}

// evaluated is o with the result of its evaluation, redacted, and kept in
// the cache when it may be.
func (s *Scanner) evaluated(o outcome, res engine.Result) outcome {
	redactMessages(o.doc, res.Findings)
	if o.cacheable {
		s.cache.put(o.key, res)
	}
	return outcome{doc: o.doc, res: res}
}

// evaluate runs eval under the per-input time limit and, when it stops
// early, says why: the run's memory limit, the run's time limit, or the
// per-input limit on what (this input, the combined inputs).
func (s *Scanner) evaluate(ctx context.Context, what string, eval func(context.Context) (engine.Result, error)) (engine.Result, error) {
	evalCtx := ctx
	if s.cfg.evalTimeout > 0 {
		var cancel context.CancelFunc
		evalCtx, cancel = context.WithTimeout(ctx, s.cfg.evalTimeout)
		defer cancel()
	}
	res, err := eval(evalCtx)
	var memErr *MemoryLimitError
	switch {
	case err == nil:
		return res, nil
	case errors.As(context.Cause(ctx), &memErr):
		return res, &stoppedError{cause: memErr, err: err}
	case ctx.Err() != nil:
		return res, s.runTimeError()
	case evalCtx.Err() != nil:
		return res, fmt.Errorf("evaluation stopped after %s (the per-input limit): a policy runs too long on %s", s.cfg.evalTimeout, what)
	}
	return res, err
}

// loadError is err, from loading the input at path, as a *FileError
// naming the file, which every input error is (docs/cli.md: one line per
// input, and the report's errors say which inputs went unchecked). Loading
// stopped by the run's --timeout says so, as an evaluation stopped by it
// does; loading stopped by an interrupt or the memory limit keeps the
// loader's error, since Scan then returns no result.
func (s *Scanner) loadError(ctx context.Context, path string, err error) error {
	var fe *loader.FileError
	named := errors.As(err, &fe)
	if named && fe.Path != "" {
		path = fe.Path
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded) && errors.Is(context.Cause(ctx), context.DeadlineExceeded):
		return &loader.FileError{Path: path, Err: s.runTimeError()}
	case !named:
		return &loader.FileError{Path: path, Err: err}
	case fe.Path == "":
		fe.Path = path
	}
	return err
}

// runTimeError is why an input was not evaluated when the run's --timeout
// passed.
func (s *Scanner) runTimeError() error {
	return fmt.Errorf("not evaluated: the run's time limit (%s) was reached", s.cfg.timeout)
}

// renameInput gives a document read from standard input its --stdin-name.
func renameInput(doc *input.Document, name string) {
	doc.Source.Path = name
	for i := range doc.Resources {
		if doc.Resources[i].Location.File == "-" {
			doc.Resources[i].Location.File = name
		}
	}
}

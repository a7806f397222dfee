package tenet

import (
	"context"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// WithCombine evaluates the conftest-style rules (--policy packages
// without METADATA) once on all the inputs together, as conftest test
// --combine: their input is an array of {"path": ..., "contents": ...},
// one element per document, sorted by path, and their findings are
// located in the file engine.CombinedPath ("Combined"). The built-in and
// tenet-native rules still judge every input on its own. An input that
// cannot be read is an input error and is left out of the combination.
func WithCombine() Option { return func(c *config) { c.combine = true } }

// combined evaluates the conftest-style rules on the documents of every
// input read, at once; the zero outcome when there is nothing to do.
func (s *Scanner) combined(ctx context.Context, outcomes []outcome) outcome {
	if !s.cfg.combine || len(s.eng.RawRules()) == 0 {
		return outcome{}
	}
	var docs []input.Document
	for _, o := range outcomes {
		if o.err == nil {
			docs = append(docs, o.doc)
		}
	}
	if len(docs) == 0 {
		return outcome{}
	}
	fail := func(err error) outcome {
		return outcome{err: &loader.FileError{Path: engine.CombinedPath, Err: err}}
	}
	if ctx.Err() != nil {
		return fail(s.runTimeError())
	}
	res, err := s.evaluate(ctx, "the combined inputs", func(ctx context.Context) (engine.Result, error) { return s.eng.EvalCombined(ctx, docs) })
	if err != nil {
		return fail(err)
	}
	for _, doc := range docs {
		redactMessages(doc, res.Findings)
	}
	return outcome{doc: input.Document{Schema: input.Schema, Source: input.Source{Path: engine.CombinedPath}}, res: res}
}

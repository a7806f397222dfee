package tenet

import (
	"context"

	"github.com/tenet-dev/tenet/pkg/engine"
)

// needsEngine is false when every input's result came from the cache and
// no combined evaluation follows: the same binary compiled the same
// policies for those results, so the compile can only succeed, and the
// scan need not wait for it.
func (s *Scanner) needsEngine(outcomes []outcome) bool {
	if s.cfg.combine || len(outcomes) == 0 {
		return true
	}
	for _, o := range outcomes {
		if !o.cached {
			return true
		}
	}
	return false
}

// startCompile starts building the engine, once: New waits for it, Scan
// runs it beside the reading of the inputs. Scanner.Scan starts it for a
// Scanner from Load, not bound to that scan's cancellation, so that a
// first scan stopped early does not leave the Scanner without an engine.
func (s *Scanner) startCompile(ctx context.Context) {
	s.compileOnce.Do(func() { go s.compile(ctx) })
}

// compile builds the engine and closes s.compiled.
func (s *Scanner) compile(ctx context.Context) {
	defer close(s.compiled)
	s.eng, s.engErr = engine.New(ctx, s.cat, s.engineOptions())
}

// engineOptions are the options the engine is compiled with.
func (s *Scanner) engineOptions() engine.Options {
	return engine.Options{AllowBuiltins: s.cfg.allowBuiltins, SensitiveToCustom: s.cfg.sensitive, Combine: s.cfg.combine,
		Print: s.cfg.print, Trace: s.cfg.trace}
}

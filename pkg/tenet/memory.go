package tenet

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// MemoryLimitError is the error of a scan stopped because the heap passed
// the limit of WithMemoryLimit: a policy (or an input) needs more memory
// than the run may use. Scan returns it inside a *catalog.PolicyError.
type MemoryLimitError struct {
	// Limit is the limit in bytes; Heap what the heap held when it was
	// passed, after a collection.
	Limit, Heap uint64
	// Inputs are the inputs being evaluated at that moment, and Rules the
	// custom rules running on them (Go cannot say which one allocated),
	// or for Verify the tests that were stopped.
	Inputs []string
	Rules  []string
	// Detail is the evaluation's own error.
	Detail string
}

func (e *MemoryLimitError) Error() string {
	msg := fmt.Sprintf("evaluation stopped: the heap reached %s, over the memory limit of %s (--max-memory)",
		formatBytes(e.Heap), formatBytes(e.Limit))
	if len(e.Inputs) > 0 {
		msg += fmt.Sprintf(" while evaluating %v", e.Inputs)
	}
	if len(e.Rules) > 0 {
		msg += fmt.Sprintf("; running: %s", strings.Join(e.Rules, ", "))
	}
	if e.Detail != "" {
		msg += " (the evaluation reported: " + e.Detail + ")"
	}
	return msg
}

func formatBytes(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// memorySample is how often the guard reads the heap: a read of
// runtime/metrics costs about a microsecond and stops nothing, and a
// policy allocating as fast as Go can (numbers.range) gains a few hundred
// MB in this time.
const memorySample = 10 * time.Millisecond

// heapMetric is the memory of live and not yet collected heap objects.
const heapMetric = "/memory/classes/heap/objects:bytes"

// guardMemory cancels ctx with a *MemoryLimitError as its cause when the
// heap passes limit, and returns it. Go cannot account memory to one
// goroutine, so the limit is on the process's heap: what the documents,
// the compiled policies and every evaluation in flight hold together. The
// metric counts garbage too: over the limit, the guard collects once and
// reads again before it stops anything, so that garbage alone never stops
// a scan. The returned function stops the guard.
func guardMemory(ctx context.Context, limit uint64) (context.Context, *atomic.Pointer[MemoryLimitError], func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	tripped := &atomic.Pointer[MemoryLimitError]{}
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(memorySample)
		defer tick.Stop()
		sample := []metrics.Sample{{Name: heapMetric}}
		heap := func() uint64 {
			metrics.Read(sample)
			return sample[0].Value.Uint64()
		}
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if heap() < limit {
				continue
			}
			runtime.GC()
			if h := heap(); h >= limit {
				e := &MemoryLimitError{Limit: limit, Heap: h}
				tripped.Store(e)
				cancel(e)
				return
			}
		}
	}()
	return ctx, tripped, func() { close(done); cancel(nil) }
}

// stoppedError is the error of an evaluation the memory guard stopped.
type stoppedError struct {
	cause *MemoryLimitError
	err   error // the evaluation's own
}

func (e *stoppedError) Error() string { return e.cause.Error() }

// Unwrap gives the cause only, deliberately: the evaluation's own error is
// the cancellation the guard caused (its text goes in the report's
// Detail), not a second reason for the stop.
func (e *stoppedError) Unwrap() error { return e.cause }

// memoryError is the error of a scan the memory guard stopped: which
// inputs were being evaluated, and the custom rules that ran on them (the
// built-in rules are bounded by their tests on large documents; a custom
// policy is the likely cause, and Go cannot say which rule allocated).
func (s *Scanner) memoryError(e *MemoryLimitError, files []string, outcomes []outcome) error {
	out := *e
	for i, o := range outcomes {
		var st *stoppedError
		if errors.As(o.err, &st) {
			out.Inputs = append(out.Inputs, files[i])
			if out.Detail == "" {
				out.Detail = st.err.Error()
			}
		}
	}
	var custom []string
	for _, r := range s.cat.Rules {
		if r.Custom {
			custom = append(custom, r.ID)
		}
	}
	if len(custom) > 0 {
		out.Rules = custom
	}
	return &catalog.PolicyError{Err: &out}
}

package engine

import (
	"bytes"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkMemoryStages measures the heap each stage of a scan of a
// generated 10,000-resource plan holds, as multiples of the plan's size:
// the loaded document (Go values), the OPA values the engine converts it
// to, and during evaluation, over the live heap before it, the largest
// heap (eval-heap: live and not yet collected, so it grows with GOGC) and
// the largest live heap a collection found (eval-live), each sampled every
// 5 ms, so lower bounds. Peak RSS also counts the runtime's own memory;
// the peer benchmark reports it.
func BenchmarkMemoryStages(b *testing.B) {
	eng, cat := builtinEngine(b, Options{})
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, 10000, bench.ResourceTypes(cat.Rules, "terraform"), 1); err != nil {
		b.Fatal(err)
	}
	size := float64(buf.Len())
	for b.Loop() {
		before := liveHeap()
		doc, err := loader.Parse(b.Context(), "plan.json", buf.Bytes(), loader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		withDoc := liveHeap()
		terms, err := resourceTerms(doc, 1, nil)
		if err != nil {
			b.Fatal(err)
		}
		withTerms := liveHeap()
		runtime.KeepAlive(terms)
		terms = nil
		base := liveHeap()
		peak, livePeak := base, base
		stop, done := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(done)
			var m runtime.MemStats
			sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			for {
				select {
				case <-stop:
					return
				case <-time.After(5 * time.Millisecond):
					runtime.ReadMemStats(&m)
					peak = max(peak, m.HeapAlloc)
					metrics.Read(sample)
					livePeak = max(livePeak, sample[0].Value.Uint64())
				}
			}
		}()
		if _, err := eng.Eval(b.Context(), doc); err != nil {
			b.Fatal(err)
		}
		close(stop)
		<-done
		b.ReportMetric(float64(withDoc-before)/size, "document/input")
		b.ReportMetric(float64(withTerms-withDoc)/size, "opa-values/input")
		b.ReportMetric(float64(peak-base)/size, "eval-heap/input")
		b.ReportMetric(float64(livePeak-base)/size, "eval-live/input")
		runtime.KeepAlive(doc)
	}
}

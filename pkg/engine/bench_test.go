package engine_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	regolib "github.com/tenet-dev/tenet/rego"
	"github.com/tenet-dev/tenet/test/bench"
)

// builtinEngine compiles the full built-in library.
func builtinEngine(b *testing.B) (*engine.Engine, *catalog.Catalog) {
	b.Helper()
	dirs, err := catalog.Subdirectories("bundles", bundles.FS, true)
	if err != nil {
		b.Fatal(err)
	}
	sources := append([]catalog.Source{{Path: "rego", FS: regolib.FS, Builtin: true}}, dirs...)
	cat, err := catalog.Load(b.Context(), sources, catalog.Options{})
	if err != nil {
		b.Fatal(err)
	}
	eng, err := engine.New(b.Context(), cat, engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return eng, cat
}

// benchDocument loads a generated plan of n resources (test/bench).
func benchDocument(b *testing.B, cat *catalog.Catalog, n int) input.Document {
	b.Helper()
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, n, bench.ResourceTypes(cat.Rules, "terraform"), 1); err != nil {
		b.Fatal(err)
	}
	doc, err := loader.Parse(b.Context(), "plan.json", buf.Bytes(), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkEval evaluates the full built-in library on a loaded plan: the
// evaluation stage alone, without loading or reporting.
func BenchmarkEval(b *testing.B) {
	eng, cat := builtinEngine(b)
	for _, n := range []int{1000, 10000} {
		doc := benchDocument(b, cat, n)
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Eval(b.Context(), doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

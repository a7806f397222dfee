package engine

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// builtinEngine compiles the full built-in library.
func builtinEngine(b *testing.B, opts Options) (*Engine, *catalog.Catalog) {
	b.Helper()
	cat := builtinCatalog(b)
	eng, err := New(b.Context(), cat, opts)
	if err != nil {
		b.Fatal(err)
	}
	return eng, cat
}

// benchDocument loads a generated plan of n resources (test/bench).
func benchDocument(b *testing.B, cat *catalog.Catalog, n int) input.Document {
	b.Helper()
	return generatedDocument(b, cat, n, 1)
}

// generatedDocument loads a generated plan of n resources of every type
// the built-in rules select (test/bench).
func generatedDocument(t testing.TB, cat *catalog.Catalog, n int, seed uint64) input.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, n, bench.ResourceTypes(cat.Rules, "terraform"), seed); err != nil {
		t.Fatal(err)
	}
	doc, err := loader.Parse(t.Context(), "plan.json", buf.Bytes(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// documentTerms converts doc's resources and source to OPA's form, as an
// evaluation does.
func documentTerms(t testing.TB, doc input.Document) (resources []*ast.Term, source *ast.Term) {
	t.Helper()
	resources, err := resourceTerms(doc, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	source, err = sourceTerm(doc)
	if err != nil {
		t.Fatal(err)
	}
	return resources, source
}

// BenchmarkEval evaluates the full built-in library on a loaded plan: the
// evaluation stage alone, without loading or reporting. parallel=1 is one
// query; parallel=0 evaluates the 10,000-resource plan in shards (shard.go)
// on GOMAXPROCS cores. It reports CPU time per op too, which a busy machine
// distorts less than wall time.
func BenchmarkEval(b *testing.B) {
	one, cat := builtinEngine(b, Options{Parallel: 1})
	all, _ := builtinEngine(b, Options{})
	for _, n := range []int{1000, 10000} {
		doc := benchDocument(b, cat, n)
		for _, c := range []struct {
			name string
			eng  *Engine
		}{{"parallel=1", one}, {"parallel=0", all}} {
			b.Run(fmt.Sprintf("resources=%d/%s", n, c.name), func(b *testing.B) {
				b.ReportAllocs()
				start := bench.CPUTime()
				for b.Loop() {
					if _, err := c.eng.Eval(b.Context(), doc); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(bench.CPUTime()-start)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

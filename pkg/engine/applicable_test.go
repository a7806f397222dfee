package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestApplicableSameResult checks that skipping the built-in rules whose
// selector types a document lacks changes no result: on small generated
// plans and manifests, the examples, and every input of ../shared/data when
// present.
func TestApplicableSameResult(t *testing.T) {
	cat := builtinCatalog(t)
	docs := map[string][]byte{}
	for seed := range uint64(6) {
		var buf bytes.Buffer
		types := planTypes(t, cat)
		step := len(types) / 6
		if err := bench.WritePlan(&buf, 2*step, types[int(seed)*step:int(seed)*step+step], seed); err != nil {
			t.Fatal(err)
		}
		docs[filepath.Join("generated", string(rune('a'+seed))+".json")] = buf.Bytes()
	}
	manifests := t.TempDir()
	if err := bench.WriteManifests(manifests, 60, 1); err != nil {
		t.Fatal(err)
	}
	var paths []string
	paths = append(paths, sharedData("*/*/*")...)
	paths = append(paths, sharedData("*/*")...)
	for _, pattern := range []string{manifests + "/*", "../../test/examples/*"} {
		found, _ := filepath.Glob(pattern) // a bad pattern is impossible here
		paths = append(paths, found...)
	}
	for _, path := range paths {
		if info, err := os.Stat(path); err != nil || info.IsDir() {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs[path] = data
	}
	every, err := New(t.Context(), cat, Options{allRules: true})
	if err != nil {
		t.Fatal(err)
	}
	skipping, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	evaluated, findings := compareEngines(t, docs, every, skipping, func(input.Document) bool { return true })
	if evaluated < 40 || findings < 200 {
		t.Fatalf("%d documents, %d findings: the test checks too little", evaluated, findings)
	}
	t.Logf("%d documents, %d findings, %d and %d rule subsets", evaluated, findings, len(skipping.groups["terraform"].subsets.queries), len(skipping.groups["kubernetes"].subsets.queries))
	if g := skipping.groups["kubernetes"]; len(g.subsets.queries) == 0 {
		t.Error("no document was evaluated with a subset of the rules: the test checks nothing")
	}
}

// BenchmarkApplicable evaluates small documents with every rule and with
// the applicable ones only: a Kubernetes file and a plan of 40 resources of
// 12 types.
func BenchmarkApplicable(b *testing.B) {
	cat := builtinCatalog(b)
	var plan bytes.Buffer
	if err := bench.WritePlan(&plan, 40, bench.ResourceTypes(cat.Rules, "terraform")[:12], 1); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := bench.WriteManifests(dir, 1, 1); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*")) // a bad pattern is impossible here
	manifest, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range []struct {
		name string
		data []byte
	}{{"manifest.yaml", manifest}, {"plan.json", plan.Bytes()}} {
		doc, err := loader.Parse(b.Context(), in.name, in.data, loader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, all := range []bool{true, false} {
			eng, err := New(b.Context(), cat, Options{allRules: all})
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/all=%v", in.name, all), func(b *testing.B) {
				for b.Loop() {
					if _, err := eng.Eval(b.Context(), doc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

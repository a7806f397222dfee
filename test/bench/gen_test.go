package bench_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/pkg/tenet"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestGenerator checks that the inputs are deterministic and load: a small
// plan over every judged type, and a few manifests.
func TestGenerator(t *testing.T) {
	s, err := tenet.New(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	types := bench.ResourceTypes(s.Rules(), "terraform")
	if len(types) < 50 {
		t.Fatalf("only %d terraform resource types", len(types))
	}
	var a, b bytes.Buffer
	if err := bench.WritePlan(&a, 500, types, 1); err != nil {
		t.Fatal(err)
	}
	if err := bench.WritePlan(&b, 500, types, 1); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two plans of the same size and seed differ")
	}
	doc, err := loader.Parse(t.Context(), "plan.json", a.Bytes(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source.Format != input.FormatTerraformPlan || len(doc.Resources) != 500 {
		t.Fatalf("loaded %s with %d resources, want a plan of 500", doc.Source.Format, len(doc.Resources))
	}

	dir := t.TempDir()
	if err := bench.WriteManifests(dir, 20, 1); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) != 20 {
		t.Fatalf("wrote %d manifests, want 20", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := loader.Parse(t.Context(), f, data, loader.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if doc.Source.Format != input.FormatKubernetes || len(doc.Resources) == 0 {
			t.Fatalf("%s loaded as %s with %d resources", f, doc.Source.Format, len(doc.Resources))
		}
	}
	res, err := s.Scan(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Summary.Failed {
		t.Error("no rule fails on the manifests: the generator lost its failing settings")
	}
}

package engine

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestInternEqualsInterfaceToValue: the interning conversion gives, for
// every resource, the value ast.InterfaceToValue gives: on generated plans
// of every selected type, generated manifests, the examples and every
// file of ../shared/data that loads.
func TestInternEqualsInterfaceToValue(t *testing.T) {
	cat := builtinCatalog(t)
	var docs []input.Document
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, 3000, bench.ResourceTypes(cat.Rules, "terraform"), 7); err != nil {
		t.Fatal(err)
	}
	doc, err := loader.Parse(t.Context(), "plan.json", buf.Bytes(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, doc)
	dir := t.TempDir()
	if err := bench.WriteManifests(dir, 50, 3); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, pattern := range []string{"../../test/examples/*", "../../../shared/data/*/*", "../../../shared/data/*/*/*"} {
		more, _ := filepath.Glob(pattern)
		paths = append(paths, more...)
	}
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			continue
		}
		if d, err := loader.Read(context.Background(), p, loader.Options{}); err == nil {
			docs = append(docs, d)
		}
	}
	resources := 0
	for _, d := range docs {
		got, err := resourceTerms(d, 2, nil)
		if err != nil {
			t.Fatalf("%s: %v", d.Source.Path, err)
		}
		for i, r := range d.Resources {
			want, err := ast.InterfaceToValue(resourceMap(r))
			if err != nil {
				t.Fatalf("%s: %v", d.Source.Path, err)
			}
			if ast.Compare(got[i].Value, want) != 0 {
				t.Fatalf("%s %s: interned value differs:\n got %v\nwant %v", d.Source.Path, r.Address, got[i].Value, want)
			}
			resources++
		}
	}
	if len(docs) < 10 || resources < 3000 {
		t.Fatalf("%d documents, %d resources: the test compares too little", len(docs), resources)
	}
	t.Logf("%d documents, %d resources", len(docs), resources)
}

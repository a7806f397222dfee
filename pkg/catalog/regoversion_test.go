package catalog_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// v0Policy is a conftest policy written before OPA 1.0.
const v0Policy = "package main\n\ndeny[msg] {\n  input.bad\n  msg := \"bad\"\n}\n"

func v0Dir(t *testing.T, manifest string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.rego"), []byte(v0Policy), 0o644); err != nil {
		t.Fatal(err)
	}
	if manifest != "" {
		if err := os.WriteFile(filepath.Join(dir, ".manifest"), []byte(manifest), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestRegoVersion: v0 policies load with Options.RegoVersion v0, or when
// their .manifest says so; read as v1 the error hints at the flag; a
// bundle built from them keeps their version, so that it loads as
// written; directories of two versions are not built into one archive.
func TestRegoVersion(t *testing.T) {
	load := func(src catalog.Source, v ast.RegoVersion) error {
		_, err := catalog.Load(t.Context(), []catalog.Source{src}, catalog.Options{RegoVersion: v})
		return err
	}
	plain := v0Dir(t, "")
	if err := load(catalog.Source{Path: plain}, ast.RegoV0); err != nil {
		t.Errorf("v0 with RegoVersion v0: %v", err)
	}
	if err := load(catalog.Source{Path: plain}, ast.RegoUndefined); err == nil || !strings.Contains(err.Error(), "--rego-version v0 reads it") {
		t.Errorf("v0 read as v1: %v", err)
	}
	marked := v0Dir(t, `{"rego_version": 0}`)
	if err := load(catalog.Source{Path: marked}, ast.RegoUndefined); err != nil {
		t.Errorf("v0 with rego_version 0 in .manifest: %v", err)
	}
	for name, tc := range map[string]struct {
		dir string
		v   ast.RegoVersion
	}{"manifest": {marked, ast.RegoUndefined}, "option": {plain, ast.RegoV0}} {
		var buf bytes.Buffer
		if _, err := catalog.Build(t.Context(), &buf, []string{tc.dir}, catalog.BuildOptions{RegoVersion: tc.v}); err != nil {
			t.Fatalf("%s: build: %v", name, err)
		}
		if err := load(catalog.Source{Path: "b.tar.gz", Archive: buf.Bytes()}, ast.RegoUndefined); err != nil {
			t.Errorf("%s: the built archive does not load: %v", name, err)
		}
	}
	if _, err := catalog.Build(t.Context(), &bytes.Buffer{}, []string{plain}, catalog.BuildOptions{}); err == nil || !strings.Contains(err.Error(), "--rego-version v0 reads it") {
		t.Errorf("build of v0 as v1: %v", err)
	}
	v1 := t.TempDir()
	if err := os.WriteFile(filepath.Join(v1, "q.rego"), []byte("package other\n\nimport rego.v1\n\nwarn contains \"x\" if input.x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.Build(t.Context(), &bytes.Buffer{}, []string{marked, v1}, catalog.BuildOptions{}); err == nil || !strings.Contains(err.Error(), "differs from the other directories") {
		t.Errorf("build of a v0 and a v1 directory: %v", err)
	}
}

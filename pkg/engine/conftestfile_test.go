package engine_test

import (
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/input"
)

// fileRule reads data.conftest.file, which conftest fills for every file;
// without it the rule would never fire, and the file would pass.
const fileRule = `package main

import rego.v1

deny contains sprintf("%s in %s (%s)", [input.kind, data.conftest.file.name, data.conftest.file.dir]) if input.kind

deny contains sprintf("combined in %s", [data.conftest.file.name]) if is_array(input)
`

func TestConftestFile(t *testing.T) {
	fsys := fstest.MapFS{"main/file.rego": {Data: []byte(fileRule)}}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "test", FS: fsys}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(filepath.Join("dir", "k.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: filepath.Join("dir", "k.yaml"), Format: input.FormatYAML}, Raw: map[string]any{"kind": "Pod"}}
	for _, combine := range []bool{false, true} {
		e, err := engine.New(t.Context(), cat, engine.Options{Combine: combine})
		if err != nil {
			t.Fatal(err)
		}
		want := "Pod in k.yaml (" + filepath.Dir(abs) + ")"
		res, err := e.Eval(t.Context(), doc)
		if combine {
			want = "combined in Combined"
			res, err = e.EvalCombined(t.Context(), []input.Document{doc})
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 || res.Findings[0].Message != want {
			t.Errorf("combine %v: findings %+v, want one with %q", combine, res.Findings, want)
		}
	}
}

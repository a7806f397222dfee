package catalog_test

import (
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"weak"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	regolib "github.com/tenet-dev/tenet/rego"
)

// TestLazyEqualsFull: a lazy load of the built-in library lists the same
// rules, evaluations, bundles, frameworks and data as a full one, holds
// every module by its head, and parses each into the module a full load
// holds.
func TestLazyEqualsFull(t *testing.T) {
	full, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Evals) < 400 {
		t.Fatalf("%d evaluations: the test checks too little", len(full.Evals))
	}
	for what, pair := range map[string][2]any{
		"rules": {full.Rules, lazy.Rules}, "evals": {full.Evals, lazy.Evals}, "bundles": {full.Bundles, lazy.Bundles},
		"frameworks": {full.Frameworks, lazy.Frameworks}, "data": {full.Data, lazy.Data}, "builtin": {full.Builtin, lazy.Builtin},
	} {
		if diff := cmp.Diff(pair[0], pair[1], cmp.AllowUnexported(catalog.Framework{})); diff != "" {
			t.Errorf("%s differ (-full +lazy):\n%s", what, diff)
		}
	}
	all, err := lazy.AllParsed()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(full.Modules) {
		t.Errorf("%d modules parsed, %d in a full load", len(all), len(full.Modules))
	}
	for name, want := range full.Modules {
		if !lazy.IsLazy(name) || len(lazy.Modules[name].Rules) > 0 {
			t.Errorf("%s: not held by its head", name)
		}
		got := all[name]
		// The lazy parse leaves the METADATA to the head (Parsed).
		bare := want.Copy()
		bare.Annotations = nil
		for _, r := range bare.Rules {
			r.Annotations = nil
		}
		if got == nil || got.String() != bare.String() || len(got.Annotations) > 0 {
			t.Errorf("%s: parsed lazily, differs from a full load", name)
		}
		if got != nil && got.Package.Location.File != want.Package.Location.File {
			t.Errorf("%s: located in %s, want %s", name, got.Package.Location.File, want.Package.Location.File)
		}
	}
}

// TestLazyParsedIsCollected: a lazy catalog holds a parsed module only
// weakly, so that the parsed library is not kept through a scan once the
// compilers have their copies, and parses it again, equal, when asked
// after it was collected.
func TestLazyParsedIsCollected(t *testing.T) {
	lazy, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	const name = "rego/lib/terraform.rego"
	if !lazy.IsLazy(name) {
		t.Fatalf("%s is not held lazily: %v", name, slices.Sorted(maps.Keys(lazy.Modules))[:3])
	}
	m, err := lazy.Parsed(name)
	if err != nil {
		t.Fatal(err)
	}
	again, err := lazy.Parsed(name)
	if err != nil || again != m {
		t.Fatalf("asked twice while held: %p and %p (%v)", m, again, err)
	}
	text, held := m.String(), weak.Make(m)
	m, again = nil, nil
	runtime.GC()
	if held.Value() != nil {
		t.Fatalf("%s: the parsed module outlived its last user", name)
	}
	m, err = lazy.Parsed(name)
	if err != nil || m.String() != text || !lazy.ParsedYet(name) {
		t.Fatalf("parsed again: %v, equal %v, ParsedYet %v", err, m != nil && m.String() == text, lazy.ParsedYet(name))
	}
}

// TestRuleNamesLexical: the rule names a lazy load finds in each built-in
// module's text are those the parser finds, so that its evaluations are a
// full load's (TestLazyEqualsFull compares them per package).
func TestRuleNamesLexical(t *testing.T) {
	full, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range full.Modules {
		var want []string
		for _, r := range m.Rules {
			if v, ok := r.Head.Ref()[0].Value.(ast.Var); ok && !slices.Contains(want, string(v)) {
				want = append(want, string(v))
			}
		}
		got := catalog.RuleNames([]byte(moduleText(t, name)))
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: names %v, the parser's %v", name, got, want)
		}
	}
	for text, want := range map[string][]string{
		"package a\n\nimport rego.v1\n\ndefault allow := false\n\nallow if input.x\n\n# deny is a comment\nf(x) := y if {\n\ty := x\n}\n\ng(x) := 1 if x\n\nelse := 2\n": {"allow", "f", "g"},
	} {
		if got := catalog.RuleNames([]byte(text)); !slices.Equal(got, want) {
			t.Errorf("%q: names %v, want %v", text, got, want)
		}
	}
}

// moduleText is the source of a built-in module.
func moduleText(t *testing.T, name string) string {
	t.Helper()
	fsys, rel := fs.FS(bundles.FS), strings.TrimPrefix(name, "bundles/")
	if lib, ok := strings.CutPrefix(name, "rego/"); ok {
		fsys, rel = regolib.FS, lib
	}
	text, err := fs.ReadFile(fsys, rel)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// TestLazyParsedMetadata: a module parsed lazily keeps its METADATA only
// when it calls rego.metadata, the one thing compiling it needs it for;
// the catalog read the rest from its head.
func TestLazyParsedMetadata(t *testing.T) {
	const head = "# METADATA\n# title: A rule\n# custom:\n#   id: TST-A-00%d\n#   severity: low\npackage tenet.test.r%d\n\nimport rego.v1\n\n"
	fsys := fstest.MapFS{
		"plain.rego": {Data: []byte(fmt.Sprintf(head, 1, 1) + "deny contains \"x\" if input.x\n")},
		"meta.rego":  {Data: []byte(fmt.Sprintf(head, 2, 2) + "deny contains rego.metadata.chain()[0].annotations.title if input.x\n")},
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "test", FS: fsys}}, catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]int{"plain.rego": 0, "meta.rego": 1} {
		name := "test/" + file
		if !cat.IsLazy(name) {
			t.Fatalf("%s is not lazy", name)
		}
		m, err := cat.Parsed(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Annotations) != want {
			t.Errorf("%s: %d METADATA blocks parsed, want %d", name, len(m.Annotations), want)
		}
	}
}

// TestBuiltinDigest: the digest of the built-in library is the same for
// the same texts, whatever else is loaded beside them, changes with any
// module's text, and is given only for a lazy load, which holds the texts.
func TestBuiltinDigest(t *testing.T) {
	digest := func(sources []catalog.Source, opts catalog.Options) (string, bool) {
		t.Helper()
		cat, err := catalog.Load(t.Context(), sources, opts)
		if err != nil {
			t.Fatal(err)
		}
		return cat.BuiltinDigest()
	}
	lazy := catalog.Options{Lazy: true}
	want, ok := digest(builtinSources(t), lazy)
	if !ok || !strings.HasPrefix(want, "sha256:") {
		t.Fatalf("digest %q, %v", want, ok)
	}
	if got, _ := digest(builtinSources(t), lazy); got != want {
		t.Error("two loads of one library differ")
	}
	outside := append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{
		"p.rego": {Data: []byte("package main\n\nimport rego.v1\n\ndeny contains \"x\" if false\n")},
	}})
	if got, _ := digest(outside, lazy); got != want {
		t.Error("a policy from outside the built-ins changed their digest")
	}
	changed := builtinSources(t)
	files := fstest.MapFS{}
	for path, data := range mapFS(t, changed[0].FS) {
		files[path] = &fstest.MapFile{Data: data}
	}
	files["lib/result.rego"].Data = append(slices.Clone(files["lib/result.rego"].Data), "\n# changed\n"...)
	changed[0].FS = files
	if got, _ := digest(changed, lazy); got == want {
		t.Error("a changed module kept the digest")
	}
	if _, ok := digest(builtinSources(t), catalog.Options{}); ok {
		t.Error("a full load, which holds no text, gave a digest")
	}
}

// mapFS reads every file of fsys.
func mapFS(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out[path], err = fs.ReadFile(fsys, path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

package engine

import (
	"bytes"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	regolib "github.com/tenet-dev/tenet/rego"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestAttackMemo_WholeDocumentShard: a policy set in which some built-in
// rules may read more than their constants (here a custom module added to
// a built-in library package that reads input directly) puts those rules in the shard that gets the
// whole document. With a Memo, that shard must still see every resource
// and be keyed by every resource: an edit of any of them evaluates it
// again.
func TestAttackMemo_WholeDocumentShard(t *testing.T) {
	dirs, err := catalog.Subdirectories("bundles", bundles.FS, true)
	if err != nil {
		t.Fatal(err)
	}
	extra := fstest.MapFS{"extra.rego": {Data: []byte("package tenet.lib.s3\n\nimport rego.v1\n\nextra_helper := count(input.resources)\n")}}
	sources := append([]catalog.Source{{Path: "rego", FS: regolib.FS, Builtin: true}}, dirs...)
	sources = append(sources, catalog.Source{Path: "extra", FS: extra})
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(t.Context(), cat, Options{Parallel: 2, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	g := e.groups["terraform"]
	if len(g.shards) == 0 || g.shards[0].types != nil || len(g.shards[0].evals) == 0 {
		t.Fatal("no rule in the whole-document shard: the test checks nothing")
	}
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, 600, planTypes(t, builtinCatalog(t)), 5); err != nil {
		t.Fatal(err)
	}
	load := func(edit func(*input.Document)) input.Document {
		doc, err := loader.Parse(t.Context(), "plan.json", buf.Bytes(), loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			edit(&doc)
		}
		return doc
	}
	wholeRules := map[string]bool{}
	for _, ev := range g.shards[0].evals {
		wholeRules[ev.RuleID] = true
	}
	base, err := e.Eval(t.Context(), load(nil))
	if err != nil {
		t.Fatal(err)
	}
	// Remove a resource that a rule of the whole-document shard judges.
	victim := ""
	for _, f := range base.Findings {
		if wholeRules[f.RuleID] {
			victim = f.Resource
		}
	}
	if victim == "" {
		t.Fatal("no finding of the whole-document shard's rules: the test checks nothing")
	}
	edit := func(doc *input.Document) {
		doc.Resources = slices.DeleteFunc(doc.Resources, func(r input.Resource) bool { return r.Address == victim })
	}
	memo := &mapMemo{data: map[string][]byte{}}
	first, err := e.EvalWith(t.Context(), load(nil), EvalOptions{Release: true, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(base, first); diff != "" {
		t.Errorf("first evaluation with a memo differs (-plain +memo):\n%s", diff)
	}
	want, err := e.Eval(t.Context(), load(edit))
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.EvalWith(t.Context(), load(edit), EvalOptions{Release: true, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after removing %s (-plain +memo):\n%s", victim, diff)
	}
}

// TestAttackMemo_VolatileWithMock: a nondeterministic built-in that a rule
// reaches as the replacement of a function (`with f as rand.intn`), not as
// a call, still makes the rule volatile: its results change between runs.
func TestAttackMemo_VolatileWithMock(t *testing.T) {
	for name, src := range map[string]string{
		"rand.intn":    "package main\n\nimport rego.v1\n\nn(_, _) := 1\n\ndeny contains sprintf(\"%v\", [x]) if { x := n(\"s\", 1000000) with n as rand.intn }\n",
		"uuid.rfc4122": "package main\n\nimport rego.v1\n\ndeny contains sprintf(\"%v\", [x]) if { x := upper(\"k\") with upper as uuid.rfc4122 }\n",
	} {
		t.Run(name, func(t *testing.T) {
			cat := catalogWith(t, map[string]string{"p.rego": src})
			if _, all := Volatile(cat); !all {
				t.Error("Volatile: all = false")
			}
		})
	}
}

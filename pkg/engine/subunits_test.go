package engine

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestSubUnitsSameResult: a document whose few types call for a small
// subset of the rules, evaluated by a fresh engine that compiles only
// those rules and the packages they refer to, gets the results of every
// rule compiled together: on generated plans of one to three types and on
// every plan and state of ../shared/data.
func TestSubUnitsSameResult(t *testing.T) {
	cat := builtinCatalog(t)
	docs := fewTypePlans(t, cat, 12, 20, append(sharedData("terraform/*/*"), sharedData("cloudformation/*")...))
	every, err := New(t.Context(), cat, Options{allRules: true})
	if err != nil {
		t.Fatal(err)
	}
	apart := 0
	for name, data := range docs {
		fresh, err := New(t.Context(), cat, Options{})
		if err != nil {
			t.Fatal(err)
		}
		compareEngines(t, map[string][]byte{name: data}, every, fresh, func(input.Document) bool { return true })
		if fresh.groups["terraform"].sub.made > 0 {
			apart++
		}
	}
	if apart < len(docs)/2 {
		t.Fatalf("%d of %d documents compiled their rules apart: the test checks too little", apart, len(docs))
	}
	t.Logf("%d of %d documents compiled their rules apart", apart, len(docs))
}

// TestSubUnitsSharded: a document evaluated in shards, whose applicable
// shards hold few rules, evaluates them compiled in a unit of their own,
// and gets the results of every rule compiled together: on generated plans
// of one to three types and on every plan and state of ../shared/data, each
// sharded, with and without a Memo (filled by a first run, then read).
func TestSubUnitsSharded(t *testing.T) {
	cat := builtinCatalog(t)
	docs := fewTypePlans(t, cat, 8, 60, sharedData("terraform/*/*"))
	every, err := New(t.Context(), cat, Options{allRules: true, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	apart := 0
	for name, data := range docs {
		doc, err := loader.Parse(t.Context(), name, data, loader.Options{})
		if err != nil || Target(doc.Source.Format) != "terraform" || len(doc.Resources) == 0 {
			continue
		}
		want, err := every.Eval(t.Context(), doc)
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := New(t.Context(), cat, Options{shardMin: 1, Parallel: 2})
		if err != nil {
			t.Fatal(err)
		}
		memo := &mapMemo{data: map[string][]byte{}}
		for _, opts := range []EvalOptions{{}, {Memo: memo}, {Memo: memo}} {
			got, err := fresh.EvalWith(t.Context(), doc, opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Findings, got.Findings); diff != "" {
				t.Errorf("%s (memo %v): findings differ (-want +got):\n%s", name, opts.Memo != nil, diff)
			}
		}
		if !fresh.sharded(fresh.groups["terraform"], doc) {
			t.Errorf("%s was not sharded", name)
		}
		if fresh.groups["terraform"].apart.queries != nil {
			apart++
		}
		if len(want.Findings) > 0 && memo.hits == 0 {
			t.Errorf("%s: the second run with the memo found nothing in it", name)
		}
	}
	if apart < len(docs)/2 {
		t.Fatalf("%d of %d documents compiled their shards apart: the test checks too little", apart, len(docs))
	}
	t.Logf("%d of %d documents compiled their shards apart", apart, len(docs))
}

// fewTypePlans are about count generated plans of n resources, each of one
// to three of the types the rules select, and the files at paths.
func fewTypePlans(t *testing.T, cat *catalog.Catalog, count, n int, paths []string) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	types := planTypes(t, cat)
	for i := 0; i < len(types); i += len(types) / count {
		var buf bytes.Buffer
		if err := bench.WritePlan(&buf, n, types[i:min(i+1+i%3, len(types))], uint64(i)); err != nil {
			t.Fatal(err)
		}
		docs[fmt.Sprintf("generated-%d.json", i)] = buf.Bytes()
	}
	for _, path := range paths {
		if data, err := os.ReadFile(path); err == nil {
			docs[path] = data
		}
	}
	return docs
}

// TestSubUnitsBounded: one engine compiles maxSubUnits units of a group's
// subsets; the documents after that compile in the whole unit.
func TestSubUnitsBounded(t *testing.T) {
	cat := builtinCatalog(t)
	eng, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, typ := range []string{"aws_s3_bucket", "aws_iam_role", "aws_kms_key", "google_storage_bucket"} {
		var buf bytes.Buffer
		if err := bench.WritePlan(&buf, 10, []string{typ}, uint64(i)); err != nil {
			t.Fatal(err)
		}
		doc, err := loader.Parse(t.Context(), typ+".json", buf.Bytes(), loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eng.Eval(t.Context(), doc); err != nil {
			t.Fatal(err)
		}
	}
	g := eng.groups["terraform"]
	if g.sub.made != maxSubUnits {
		t.Errorf("%d units of subsets made, want %d", g.sub.made, maxSubUnits)
	}
	if g.sub.whole.compiler == nil {
		t.Error("the documents after the sub-units did not compile in the whole unit")
	}
}

// TestSubUnitsOutsideModule: with a module from outside the built-ins,
// which may add rules to a built-in package from a package of its own,
// no subset compiles apart (subUnitMaker is nil), and a small document
// gets the outside module's findings.
func TestSubUnitsOutsideModule(t *testing.T) {
	sources := append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{
		"extra.rego": {Data: []byte(`package tenet

import rego.v1

import data.tenet.lib.terraform

aws.s3.versioning.deny contains {"msg": "an extra finding", "resource": b.address} if {
	some b in terraform.resources("aws_s3_bucket")
}
`)},
	}})
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pkgs := newPackages(cat); subUnitMaker(cat, pkgs, customApart(cat, pkgs), unitOptions{caps: Capabilities(nil)}) != nil {
		t.Fatal("a catalog with a module from outside the built-ins makes units of subsets")
	}
	eng, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, 5, []string{"aws_s3_bucket"}, 1); err != nil {
		t.Fatal(err)
	}
	if messageCount(t, eng, buf.Bytes(), "an extra finding") == 0 {
		t.Error("the outside module's findings are missing")
	}
}

// messageCount is how many findings of eng on the plan data have message
// msg.
func messageCount(t *testing.T, eng *Engine, data []byte, msg string) int {
	t.Helper()
	return countFindings(t, eng, "plan.json", data, func(f finding.Finding) bool { return f.Message == msg })
}

// countFindings is how many findings of eng on data, read as a file name,
// match.
func countFindings(t *testing.T, eng *Engine, name string, data []byte, match func(finding.Finding) bool) int {
	t.Helper()
	doc, err := loader.Parse(t.Context(), name, data, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range res.Findings {
		if match(f) {
			n++
		}
	}
	return n
}

// TestShardsCompileInParts: a large document's shards compile in
// compileParts units of their own, about as many rules in each, which Warm
// compiles side by side instead of the whole target; a very large one's
// (splitMax) in the whole unit, as do all of them when subsets may not
// compile apart (a module from outside in a built-in package).
// TestShardsSameResult holds the findings of both to one query's.
func TestShardsCompileInParts(t *testing.T) {
	e, cat := lazyEngine(t, builtinSources(t))
	g := e.groups["terraform"]
	parts := map[*unit][]catalog.Eval{}
	for i, q := range g.parts() {
		if q.unit == g.sub.whole {
			t.Fatal("a shard compiles in the whole unit")
		}
		if s := g.shards()[i]; s.unit != g.sub.whole || !slices.Equal(s.index, q.index) || !slices.Equal(s.types, q.types) || s.perResource != q.perResource {
			t.Fatalf("shard %d differs in parts", i)
		}
		parts[q.unit] = append(parts[q.unit], q.evals...)
	}
	if len(parts) != compileParts {
		t.Fatalf("%d parts, want %d", len(parts), compileParts)
	}
	n := 0
	for _, evs := range parts {
		n += len(evs)
		if len(evs)*compileParts*2 < len(g.evals) {
			t.Errorf("a part holds %d of %d rules", len(evs), len(g.evals))
		}
	}
	if n != len(g.evals) {
		t.Errorf("the parts hold %d evals, the group %d", n, len(g.evals))
	}
	doc := generatedDocument(t, cat, shardMin+100, 1)
	if q := e.shardQueries(g, doc); &q[0] != &g.parts()[0] {
		t.Error("a plan of 600 resources is evaluated in the whole unit")
	}
	if q := e.shardQueries(g, input.Document{Resources: make([]input.Resource, splitMax)}); &q[0] != &g.shards()[0] {
		t.Errorf("a plan of %d resources is evaluated in parts", splitMax)
	}
	e.Warm(t.Context(), doc)
	for u := range parts {
		if _, err := u.compile(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.Eval(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	if g.sub.whole.compiler != nil {
		t.Error("a large plan compiled the whole unit besides the parts")
	}

	params := append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{
		"params.rego": {Data: []byte("package tenet.params\n\nimport rego.v1\n\nx := 1\n")},
	}})
	e, _ = lazyEngine(t, params)
	g = e.groups["terraform"]
	for _, q := range g.parts() {
		if q.unit != g.sub.whole {
			t.Fatal("with a module from outside in data.tenet, a shard compiles in a unit of its own")
		}
	}
}

// TestMemoCompilesWhatItLacks: a large plan evaluated with a Memo that
// holds its shards compiles neither its parts nor its whole unit, warmed
// or evaluated: only the rules of the shards it evaluates (those that read
// the clock), apart, and finds what a plain evaluation finds.
func TestMemoCompilesWhatItLacks(t *testing.T) {
	e, cat := lazyEngine(t, builtinSources(t))
	doc := generatedDocument(t, cat, shardMin+100, 1)
	want, err := e.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	memo := &mapMemo{data: map[string][]byte{}}
	if _, err := e.EvalWith(t.Context(), doc, EvalOptions{Memo: memo}); err != nil {
		t.Fatal(err)
	}
	e, _ = lazyEngine(t, builtinSources(t))
	g := e.groups["terraform"]
	compiled := func() (n int) {
		for _, q := range append(g.parts(), g.whole) {
			if q.unit.compiler != nil {
				n++
			}
		}
		return n
	}
	e.WarmWith(t.Context(), doc, EvalOptions{Memo: memo})
	warmed := true
	g.warm.Do(func() { warmed = false })
	if warmed {
		t.Fatal("a plan evaluated with a Memo was warmed")
	}
	memo.reset()
	got, err := e.EvalWith(t.Context(), doc, EvalOptions{Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	if memo.hits == 0 || memo.misses > 0 {
		t.Fatalf("the Memo held %d shards and lacked %d: want all", memo.hits, memo.misses)
	}
	if n := compiled(); n > 0 {
		t.Errorf("evaluating with a Memo that holds every shard compiled %d units of the whole group", n)
	}
	if g.apart.queries == nil {
		t.Error("no shard was evaluated: the plan holds no rule that reads the clock")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-plain +memo):\n%s", diff)
	}
}

// TestCompileUnits: the units of the shards to evaluate start compiling
// together, before any shard needs one.
func TestCompileUnits(t *testing.T) {
	e, _ := lazyEngine(t, builtinSources(t))
	parts := e.groups["terraform"].parts()
	order := make([]int, len(parts))
	units := map[*unit]bool{}
	for i, q := range parts {
		order[i] = i
		units[q.unit] = true
	}
	if len(units) < 2 {
		t.Fatalf("the shards compile in %d units: the test checks too little", len(units))
	}
	compileUnits(parts, order)()
	for u := range units {
		if u.compiler == nil {
			t.Error("a unit of the shards was not compiled")
		}
	}
}

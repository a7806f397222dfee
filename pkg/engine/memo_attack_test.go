package engine

import (
	"bytes"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestAttackMemo_WholeDocumentShard: a policy set in which some built-in
// rules may read more than their constants (here a custom module added to
// a built-in library package that reads input directly) puts those rules in the shard that gets the
// whole document. With a Memo, that shard must still see every resource
// and be keyed by every resource: an edit of any of them evaluates it
// again.
func TestAttackMemo_WholeDocumentShard(t *testing.T) {
	cat := builtinsWith(t, fstest.MapFS{"extra.rego": {Data: []byte("package tenet.lib.s3\n\nimport rego.v1\n\nextra_helper := count(input.resources)\n")}})
	e, err := New(t.Context(), cat, Options{Parallel: 2, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	g := e.groups["terraform"]
	if len(g.shards()) == 0 || g.shards()[0].types != nil || len(g.shards()[0].evals) == 0 {
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
	for _, ev := range g.shards()[0].evals {
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

// TestAttackMemo_JoinMoved: the findings of per-resource rules are kept by
// component. An attacker who re-points a joined resource from one secret
// to another (the rotation of secret a now names secret b) changes the
// members of two components, though neither secret changed: both must be
// evaluated again, or secret a would keep its cached pass. The rotation
// joins by value (state has no references), through secret_id, which is
// not an identity attribute of its own: only the edge from a value to the
// secret's arn connects them.
func TestAttackMemo_JoinMoved(t *testing.T) {
	e, err := New(t.Context(), builtinCatalog(t), Options{Parallel: 2, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	arn := func(name string) string { return "arn:aws:secretsmanager:eu-west-1:1:secret:" + name }
	state := func(target string) input.Document {
		res := func(typ, name string, values map[string]any) input.Resource {
			return input.Resource{Address: typ + "." + name, ConfigAddress: typ + "." + name, Type: typ, Name: name,
				Mode: "managed", Action: "no-op", Values: values, Location: input.Location{File: "terraform.tfstate"}}
		}
		return input.Document{
			Schema: input.Schema,
			Source: input.Source{Path: "terraform.tfstate", Format: input.FormatTerraformState},
			Resources: []input.Resource{
				res("aws_secretsmanager_secret", "a", map[string]any{"name": "a", "id": arn("a"), "arn": arn("a")}),
				res("aws_secretsmanager_secret", "b", map[string]any{"name": "b", "id": arn("b"), "arn": arn("b")}),
				res("aws_secretsmanager_secret_rotation", "r", map[string]any{"id": "rotation", "secret_id": arn(target),
					"rotation_rules": []any{map[string]any{"automatically_after_days": 30}}}),
			},
		}
	}
	failing := func(res Result) []string {
		var out []string
		for _, f := range res.Findings {
			if f.RuleID == "TNT-AWS-SM-001" {
				out = append(out, f.Resource)
			}
		}
		return out
	}
	memo := &mapMemo{data: map[string][]byte{}}
	first, err := e.EvalWith(t.Context(), state("a"), EvalOptions{Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	if got := failing(first); !slices.Equal(got, []string{"aws_secretsmanager_secret.b"}) {
		t.Fatalf("before the move, rotation fails on %v; want secret b only", got)
	}
	want, err := e.Eval(t.Context(), state("b"))
	if err != nil {
		t.Fatal(err)
	}
	memo.reset()
	got, err := e.EvalWith(t.Context(), state("b"), EvalOptions{Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after the move (-plain +memo):\n%s", diff)
	}
	if f := failing(got); !slices.Equal(f, []string{"aws_secretsmanager_secret.a"}) {
		t.Errorf("after the move, rotation fails on %v; want secret a only", f)
	}
	if memo.hits == 0 || memo.updates == 0 {
		t.Errorf("%d shards from the memo, %d updated: the test checks nothing", memo.hits, memo.updates)
	}
}

// TestAttackMemo_CustomInBuiltinPackage: a module from outside the
// built-ins added to one of their library packages may turn a function
// that per-resource rules call into one that reads every resource (here
// one that counts buckets, which still qualifies for sharding). Then no
// rule's findings are kept by component: every shard is memoized whole.
func TestAttackMemo_CustomInBuiltinPackage(t *testing.T) {
	perResourceShards := func(extra fstest.MapFS) int {
		e, err := New(t.Context(), builtinsWith(t, extra), Options{Parallel: 2, shardMin: 1})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, q := range e.groups["terraform"].shards() {
			if q.perResource {
				n++
			}
		}
		return n
	}
	if perResourceShards(nil) == 0 {
		t.Fatal("no per-resource shard among the built-ins: the test checks nothing")
	}
	extra := fstest.MapFS{"extra.rego": {Data: []byte("package tenet.lib.s3\n\nimport rego.v1\n\nimport data.tenet.lib.terraform\n\nmany_buckets if count(terraform.resources(\"aws_s3_bucket\")) > 1\n")}}
	if n := perResourceShards(extra); n > 0 {
		t.Errorf("%d shards kept by component with a custom module in a library package", n)
	}
}

// builtinsWith is the catalog of the built-in bundles and, when not nil,
// of extra, a policy from outside them.
func builtinsWith(t *testing.T, extra fstest.MapFS) *catalog.Catalog {
	t.Helper()
	sources := builtinSources(t)
	if extra != nil {
		sources = append(sources, catalog.Source{Path: "extra", FS: extra})
	}
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

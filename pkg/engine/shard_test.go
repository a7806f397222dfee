package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestShardsSameResult checks that the built-in rules find the same in
// shards as with one query over the whole document: on a generated plan of
// every type the rules select, and on every Terraform plan and state of
// ../shared/data when present (sharded whatever their size).
func TestShardsSameResult(t *testing.T) {
	cat := builtinCatalog(t)
	docs := terraformDocs(t, cat, generatedSize(1500), 7)
	whole, sharded := wholeAndSharded(t, cat, 3)
	if g := sharded.groups["terraform"]; len(g.shards()) < 50 || len(g.shards()[0].evals) > 0 {
		t.Fatalf("%d shards, %d evals on the whole document: the built-in rules should shard", len(g.shards()), len(g.shards()[0].evals))
	}
	terraform := func(doc input.Document) bool {
		return doc.Source.Format == input.FormatTerraformPlan || doc.Source.Format == input.FormatTerraformState
	}
	_, findings := compareEngines(t, docs, whole, sharded, terraform)
	if findings < generatedSize(1000) {
		t.Fatalf("%d findings in all: the test checks too little", findings)
	}
	// Above, the shards compiled in parts (shardQueries); here, in the
	// whole unit, as a very large document's do.
	inWhole, err := New(t.Context(), cat, Options{Parallel: 3, shardMin: 1, splitMax: 1})
	if err != nil {
		t.Fatal(err)
	}
	compareEngines(t, docs, whole, inWhole, terraform)
}

// wholeAndSharded compiles cat twice: with one query over each whole
// document, and in shards on parallel cores whatever a document's size.
func wholeAndSharded(t *testing.T, cat *catalog.Catalog, parallel int) (whole, sharded *Engine) {
	t.Helper()
	whole, err := New(t.Context(), cat, Options{Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	sharded, err = New(t.Context(), cat, Options{Parallel: parallel, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	return whole, sharded
}

// parseByPackage parses sources (file name: Rego v1 text) and groups the
// modules by package, as the engine's reads see a catalog; builtin tells
// which files are built in.
func parseByPackage(t *testing.T, sources map[string]string, builtin func(name string) bool) (map[string][]*ast.Module, map[*ast.Module]bool) {
	t.Helper()
	byPkg := map[string][]*ast.Module{}
	isBuiltin := map[*ast.Module]bool{}
	for name, src := range sources {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		p := m.Package.Path.String()
		byPkg[p] = append(byPkg[p], m)
		isBuiltin[m] = builtin(name)
	}
	return byPkg, isBuiltin
}

// compareEngines evaluates with want and got every document of docs that
// loads and that keep keeps, failing on any difference. It returns how many
// documents and findings it compared.
func compareEngines(t *testing.T, docs map[string][]byte, want, got *Engine, keep func(input.Document) bool) (evaluated, findings int) {
	t.Helper()
	for name, data := range docs {
		doc, err := loader.Parse(t.Context(), name, data, loader.Options{})
		if err != nil || !keep(doc) {
			continue // malformed, Dockerfiles, .tf, other formats
		}
		evaluated++
		w, err := want.Eval(t.Context(), doc)
		if err != nil {
			t.Fatal(err)
		}
		g, err := got.Eval(t.Context(), doc)
		if err != nil {
			t.Fatal(err)
		}
		findings += len(w.Findings)
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("%s: results differ (-want +got):\n%s", name, diff)
		}
	}
	return evaluated, findings
}

func builtinCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// builtinSources are the sources of the built-in library and bundles.
func builtinSources(t testing.TB) []catalog.Source {
	t.Helper()
	sources, err := bundles.Sources(true)
	if err != nil {
		t.Fatal(err)
	}
	return sources
}

// withFrameworks is fsys as built-in rules beside the framework catalogs,
// which their controls name.
func withFrameworks(t testing.TB, fsys fstest.MapFS) []catalog.Source {
	t.Helper()
	sources := []catalog.Source{{Path: "builtin", FS: fsys, Builtin: true}}
	for _, d := range builtinSources(t) {
		if d.Path == "bundles/frameworks" {
			sources = append(sources, d)
		}
	}
	return sources
}

// engineFor loads sources and compiles them.
func engineFor(t testing.TB, sources []catalog.Source) *Engine {
	t.Helper()
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestReadTypes checks which rules are known to read only some types.
func TestReadTypes(t *testing.T) {
	const lib = `package tenet.lib.terraform
import rego.v1
_live := [r | some r in input.resources]
resources(type) := [r | some r in _live; r.type == type]
`
	tests := []struct {
		name   string
		rule   string
		custom bool
		want   []string // nil: the whole document
	}{
		{name: "accessor with a constant", rule: `import data.tenet.lib.terraform
deny contains r.address if { some r in terraform.resources("aws_s3_bucket_acl") }`,
			want: []string{"aws_s3_bucket", "aws_s3_bucket_acl"}},
		{name: "helper package", rule: `import data.tenet.lib.helper
deny contains r.address if { some r in helper.logs }`,
			want: []string{"aws_flow_log", "aws_s3_bucket"}},
		{name: "input read", rule: `deny contains r.address if { some r in input.resources }`},
		{name: "input through an import", rule: `import input.resources as rs
deny contains r.address if { some r in rs }`},
		{name: "input as a whole", rule: `deny contains x if { x := count(input) }`},
		{name: "private accessor rule", rule: `import data.tenet.lib.terraform
deny contains r.address if { some r in terraform._live }`},
		{name: "with", rule: `import data.tenet.lib.terraform
deny contains r.address if { some r in terraform.resources("aws_s3_bucket") with input as {} }`},
		{name: "a namespace", rule: `import data.tenet.lib
deny contains r.address if { some r in lib.terraform.resources("aws_s3_bucket") }`},
		{name: "data document", rule: `deny contains x if { some x in data.acme.types }`},
		{name: "dynamic reference", rule: `deny contains x if { some k; x := data.tenet.lib[k] }`},
		{name: "not built in, literal types", custom: true, rule: `import data.tenet.lib.terraform
deny contains r.address if { some r in terraform.resources("aws_s3_bucket") }`,
			want: []string{"aws_s3_bucket"}},
		{name: "not built in, a built-in helper", custom: true, rule: `import data.tenet.lib.helper
deny contains r.address if { some r in helper.logs }`},
		{name: "not built in, a computed type", custom: true, rule: `import data.tenet.lib.terraform
deny contains r.address if { some b in terraform.resources("aws_s3_bucket"); some r in terraform.resources(b.values.kind) }`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sources := map[string]string{
				"lib/terraform.rego": lib,
				"lib/helper.rego": `package tenet.lib.helper
import rego.v1
import data.tenet.lib.terraform
logs := terraform.resources("aws_flow_log")
`,
				"rule.rego": "package tenet.aws.s3.rule\nimport rego.v1\n" + tc.rule,
			}
			byPkg, builtin := parseByPackage(t, sources, func(name string) bool { return !(tc.custom && name == "rule.rego") })
			got, ok := newReads(byPkg, builtin).readTypes("data.tenet.aws.s3.rule", []string{"aws_s3_bucket"})
			if !ok {
				got = nil
			}
			got = slices.DeleteFunc(got, func(s string) bool { return s == "aws_s3_bucket_acl" && tc.want == nil })
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("reads (-want +got):\n%s", diff)
			}
		})
	}
}

func TestShardPlan(t *testing.T) {
	evs := []catalog.Eval{{RuleID: "a"}, {RuleID: "b"}, {RuleID: "c"}, {RuleID: "d"}, {RuleID: "e"}}
	reads := map[string][]string{
		"a": {"x_a", "x_b"},
		"b": {"x_a"}, // a subset of a's: joins it
		"c": nil,     // the whole document
		"d": {"x_c"}, // its own
		"e": {"x_b", "x_c"},
	}
	idx, types := shardPlan(evs, func(ev catalog.Eval) ([]string, bool) { return reads[ev.RuleID], reads[ev.RuleID] != nil }, nil)
	wantIdx := [][]int{{2}, {0, 1}, {3, 4}}
	wantTypes := [][]string{nil, {"x_a", "x_b"}, {"x_b", "x_c"}}
	if diff := cmp.Diff(wantIdx, idx); diff != "" {
		t.Errorf("evals (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantTypes, types); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
}

// TestShardPlanSelected: only the strings that may name a selected type
// group rules; the shard holds every string its rules read.
func TestShardPlanSelected(t *testing.T) {
	evs := []catalog.Eval{{RuleID: "a"}, {RuleID: "b"}, {RuleID: "c"}, {RuleID: "d"}, {RuleID: "e", PerResource: true}, {RuleID: "f"}}
	reads := map[string][]string{
		"a": {"fail_attr", "ingress_rules", "x_a"},
		"b": {"exposed_ports", "x_a"},      // groups with a: the same selected type
		"c": {"unknown_msg", "x_a", "x_b"}, // a superset: a and b join it
		"d": {"helper_only"},               // names no selected type: its own
		"e": {"x_a"},                       // per resource: apart
		"f": {"x"},                         // the prefix of selected types
	}
	selected := selectedTypes(map[string]finding.Rule{
		"r": {Selectors: []finding.Selector{{Type: "terraform", ResourceTypes: []string{"x_a", "x_b"}}}},
		"k": {Selectors: []finding.Selector{{Type: "kubernetes", ResourceTypes: []string{"helper_only"}}}},
	})
	idx, types := shardPlan(evs, func(ev catalog.Eval) ([]string, bool) { return reads[ev.RuleID], true }, selected)
	wantIdx := [][]int{nil, {0, 1, 2}, {3}, {4}, {5}}
	wantTypes := [][]string{nil, {"exposed_ports", "fail_attr", "ingress_rules", "unknown_msg", "x_a", "x_b"}, {"helper_only"}, {"x_a"}, {"x"}}
	if diff := cmp.Diff(wantIdx, idx); diff != "" {
		t.Errorf("evals (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantTypes, types); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	// Without selected types every string counts, as before.
	idx, _ = shardPlan(evs, func(ev catalog.Eval) ([]string, bool) { return reads[ev.RuleID], true }, nil)
	if len(idx) != 7 {
		t.Errorf("without selected types: %d shards %v, want 7", len(idx), idx)
	}
	if selectedTypes(nil) != nil {
		t.Error("selectedTypes of no rules: want nil")
	}
}

// TestTermDrops: a resource's term is dropped once the last shard that
// reads it is done, and none while a shard on the whole document is to
// come.
func TestTermDrops(t *testing.T) {
	terms := []*ast.Term{ast.StringTerm("r0"), ast.StringTerm("r1"), ast.StringTerm("r2")}
	inputs := [][]int{nil, {0, 1}, {1}, {2}}
	d := newTermDrops(terms, inputs, []int{1, 2, 3})
	left := func() []bool {
		out := make([]bool, len(terms))
		for i, x := range terms {
			out[i] = x != nil
		}
		return out
	}
	for _, step := range []struct {
		shard int
		want  []bool
	}{
		{2, []bool{true, true, true}},    // r1 is read by shard 1 too
		{1, []bool{false, false, true}},  // the last reader of r0 and r1
		{3, []bool{false, false, false}}, // of r2
	} {
		d.done(step.shard)
		if got := left(); !reflect.DeepEqual(got, step.want) {
			t.Errorf("after shard %d: terms held %v, want %v", step.shard, got, step.want)
		}
	}
	terms = []*ast.Term{ast.StringTerm("r0")}
	d = newTermDrops(terms, [][]int{nil, {0}}, []int{1, 0})
	d.done(1)
	d.done(0)
	if terms[0] == nil {
		t.Error("a term dropped while a shard reads the whole document")
	}
}

// TestShardsRead: the resources a document's applicable shards read,
// and all of them (nil) when one of those reads the whole document.
func TestShardsRead(t *testing.T) {
	shards := []*query{
		{index: []int{0}}, // the whole document
		{index: []int{1, 2}, types: []string{"x_a"}}, // x_a and x_ab
		{index: []int{3}, types: []string{"x_c"}},
	}
	byType := map[string][]int{"x_a": {0, 3}, "x_ab": {1}, "x_c": {2}, "y_d": {4}}
	for _, tc := range []struct {
		idx  []int
		want []bool
	}{
		{nil, []bool{false, false, false, false, false}},
		{[]int{1}, []bool{true, true, false, true, false}},
		{[]int{2, 3}, []bool{true, true, true, true, false}},
		{[]int{3}, []bool{false, false, true, false, false}},
		{[]int{0, 3}, nil},
	} {
		if got := shardsRead(shards, byType, 5, tc.idx); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("evals %v: %v, want %v", tc.idx, got, tc.want)
		}
	}
}

// TestCustomShardsConvertWhatTheyRead: a policy from outside the built-ins
// that reads one type converts, in shards, the resources of that type
// (masked, as policies from outside see them), not the whole plan a
// second time, and finds what it finds with one query.
func TestCustomShardsConvertWhatTheyRead(t *testing.T) {
	cat, err := catalog.Load(t.Context(), append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{"owner.rego": {Data: []byte(ownerPolicy)}}}), catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	whole, sharded := wholeAndSharded(t, cat, 2)
	var plan bytes.Buffer
	if err := bench.WritePlan(&plan, generatedSize(1000), bench.ResourceTypes(cat.Rules, "terraform"), 5); err != nil {
		t.Fatal(err)
	}
	doc, err := loader.Parse(t.Context(), "plan.json", plan.Bytes(), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := sharded.groups["terraform"+customSuffix]
	terms, err := sharded.groupTerms(g, doc.Masked(), nil)
	if err != nil {
		t.Fatal(err)
	}
	converted, buckets := 0, 0
	for i, r := range doc.Resources {
		if terms[i] != nil {
			converted++
		}
		if r.Type == "aws_s3_bucket" {
			buckets++
			if terms[i] == nil {
				t.Errorf("%s is not converted", r.Address)
			}
		}
	}
	if buckets == 0 || converted > len(doc.Resources)/10 {
		t.Errorf("%d of %d resources converted for %d buckets", converted, len(doc.Resources), buckets)
	}
	_, findings := compareEngines(t, map[string][]byte{"generated.json": plan.Bytes()}, whole, sharded, func(input.Document) bool { return true })
	if findings < generatedSize(1000) {
		t.Fatalf("%d findings: the test checks too little", findings)
	}
}

// sharedData globs a pattern under ../shared/data, and nothing under
// -short: the race pass runs with -short (Makefile), and looks for races in
// the same code on the generated inputs alone, while the plain pass reads
// every shared file.
func sharedData(pattern string) []string {
	if testing.Short() {
		return nil
	}
	found, _ := filepath.Glob("../../../shared/data/" + pattern) // a bad pattern is impossible here
	return found
}

// generatedSize is n resources, or a quarter of them under -short.
func generatedSize(n int) int {
	if testing.Short() {
		return max(n/4, 1)
	}
	return n
}

// terraformDocs is a generated plan of n resources of the types the
// built-in rules read (seed picks its values), under "generated.json",
// beside every plan and state of ../shared/data when present.
func terraformDocs(t *testing.T, cat *catalog.Catalog, n int, seed uint64) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, n, planTypes(t, cat), seed); err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{"generated.json": buf.Bytes()}
	for _, path := range sharedData("terraform/*/*") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs[path] = data
	}
	return docs
}

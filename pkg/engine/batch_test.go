package engine

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestBatchEqualsEval: evaluated in batches, every document gets the
// result Eval gives it alone: on generated manifests, on those of
// ../shared/data and the examples, and on documents that name the same
// objects (the same file twice, and an object of one name with other
// values), which no batch may hold together.
func TestBatchEqualsEval(t *testing.T) {
	e, err := New(t.Context(), builtinCatalog(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := bench.WriteManifests(dir, 120, 3); err != nil {
		t.Fatal(err)
	}
	// Objects that rules of other objects look up, most without a
	// namespace, so that they apply to every namespace: a rule wrongly
	// declared per-resource would see them from the other files of its
	// batch.
	for name, text := range map[string]string{
		"limits.yaml":    "apiVersion: v1\nkind: LimitRange\nmetadata: {name: limits}\nspec:\n  limits:\n  - type: Container\n    default: {cpu: 500m, memory: 256Mi}\n    defaultRequest: {cpu: 100m, memory: 64Mi}\n",
		"account.yaml":   "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\nautomountServiceAccountToken: false\n",
		"policy.yaml":    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: team-z}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n",
		"narrow.yaml":    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: narrow}\nspec:\n  podSelector: {matchLabels: {app: none}}\n",
		"pod.yaml":       "apiVersion: v1\nkind: Pod\nmetadata: {name: sa-pod, namespace: default, labels: {app: sa}}\nspec:\n  serviceAccountName: app\n  containers:\n  - {name: app, image: nginx:1.25}\n",
		"quota.yaml":     "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: quota, namespace: team-z}\nspec:\n  hard: {pods: \"10\"}\n---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: team-limits, namespace: team-z}\nspec:\n  limits:\n  - type: Container\n    default: {cpu: 500m}\n",
		"namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: team-z}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var paths []string
	for _, pattern := range []string{dir + "/*", "../../test/examples/*/*.yaml", "../../test/examples/*.yaml"} {
		found, _ := filepath.Glob(pattern) // a bad pattern is impossible here
		paths = append(paths, found...)
	}
	paths = append(paths, sharedData("kubernetes/*")...)
	paths = append(paths, sharedData("*/*/*.yaml")...)
	var docs []input.Document
	for _, p := range paths {
		doc, err := loader.Read(t.Context(), p, loader.Options{})
		if err != nil || !e.Batchable(doc) {
			continue
		}
		docs = append(docs, doc)
	}
	if len(docs) < 100 {
		t.Fatalf("%d documents: the test checks too little", len(docs))
	}
	// The same file again, and one object of the same address with other
	// values.
	again := docs[0]
	again.Source.Path = "again.yaml"
	other := docs[1]
	other.Source.Path = "other.yaml"
	other.Resources = append([]input.Resource(nil), other.Resources...)
	other.Resources[0].Values = map[string]any{"kind": other.Resources[0].Type, "metadata": map[string]any{"name": other.Resources[0].Name}}
	docs = append(docs, again, other)
	parts := batchParts(docs)
	if len(parts) < 2 || len(parts) > len(docs)/10 {
		t.Errorf("%d documents in %d parts: want the same objects apart, the others together", len(docs), len(parts))
	}
	for _, p := range parts {
		for _, pair := range [][2]int{{0, len(docs) - 2}, {1, len(docs) - 1}} {
			if slices.Contains(p, pair[0]) && slices.Contains(p, pair[1]) {
				t.Errorf("documents %d and %d name the same objects, yet share a part", pair[0], pair[1])
			}
		}
	}
	// The generated and crafted files alone, where nothing else selects
	// the crafted pod (the shared data holds a namespace-less deny-all
	// policy), then everything.
	generated := slices.IndexFunc(docs, func(d input.Document) bool { return filepath.Dir(d.Source.Path) != dir })
	findings := compareBatch(t, e, docs[:generated]) + compareBatch(t, e, docs)
	if findings < 1000 {
		t.Errorf("%d findings: the test checks too little", findings)
	}
}

// compareBatch evaluates docs with EvalBatch and each alone, reports any
// difference and returns the number of findings.
func compareBatch(t *testing.T, e *Engine, docs []input.Document) int {
	t.Helper()
	got, err := e.EvalBatch(t.Context(), docs)
	if err != nil {
		t.Fatal(err)
	}
	findings := 0
	for i, doc := range docs {
		want, err := e.Eval(t.Context(), doc)
		if err != nil {
			t.Fatal(err)
		}
		findings += len(want.Findings)
		if diff := cmp.Diff(want, got[i]); diff != "" {
			t.Errorf("%s: results differ (-alone +batched):\n%s", doc.Source.Path, diff)
		}
	}
	t.Logf("%d documents, %d findings", len(docs), findings)
	return findings
}

// TestBatchable: only documents of a target with batched rules, and too
// small to shard, are batched; a Terraform document never is, since its
// per-resource rules follow joins that documents put together would
// cross.
func TestBatchable(t *testing.T) {
	e, err := New(t.Context(), builtinCatalog(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pod := input.Resource{Address: "Pod/a", Type: "Pod", Name: "a", Action: input.ActionApply, Values: map[string]any{"kind": "Pod"}}
	many := make([]input.Resource, shardMin)
	for i := range many {
		many[i] = pod
	}
	for _, c := range []struct {
		name string
		doc  input.Document
		want bool
	}{
		{"manifest", input.Document{Source: input.Source{Format: input.FormatKubernetes}, Resources: []input.Resource{pod}}, true},
		{"empty manifest", input.Document{Source: input.Source{Format: input.FormatKubernetes}}, false},
		{"large manifest", input.Document{Source: input.Source{Format: input.FormatKubernetes}, Resources: many}, false},
		{"plan", input.Document{Source: input.Source{Format: input.FormatTerraformPlan}, Resources: []input.Resource{{Address: "aws_s3_bucket.a", Type: "aws_s3_bucket"}}}, false},
		{"json", input.Document{Source: input.Source{Format: input.FormatJSON}, Resources: []input.Resource{pod}}, false},
	} {
		if got := e.Batchable(c.doc); got != c.want {
			t.Errorf("%s: Batchable = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestBatchForeignFinding: a per-resource rule that names an object no
// document of the batch holds breaks its declaration; EvalBatch returns
// an error, so that the caller evaluates each document alone, rather than
// give the finding to no file or to the wrong one.
func TestBatchForeignFinding(t *testing.T) {
	const rule = `# METADATA
# title: Names another object
# description: A rule that breaks its per-resource declaration.
# scope: package
# custom:
#   id: TNT-TEST-001
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-6"]
#   remediation: None.
package tenet.test.foreign

import rego.v1

deny contains {"msg": "elsewhere", "resource": "Pod/elsewhere"} if {
	some r in input.resources
	r.type == "Pod"
}
`
	e := engineFor(t, withFrameworks(t, fstest.MapFS{"foreign.rego": {Data: []byte(rule)}}))
	doc := input.Document{Source: input.Source{Path: "a.yaml", Format: input.FormatKubernetes},
		Resources: []input.Resource{{Address: "Pod/a", Type: "Pod", Name: "a", Action: input.ActionApply, Values: map[string]any{"kind": "Pod"}}}}
	if !e.Batchable(doc) {
		t.Fatal("not batchable")
	}
	if _, err := e.EvalBatch(t.Context(), []input.Document{doc}); err == nil || !strings.Contains(err.Error(), "Pod/elsewhere") {
		t.Errorf("EvalBatch = %v, want an error naming Pod/elsewhere", err)
	}
	res, err := e.Eval(t.Context(), doc)
	if err != nil || len(res.Findings) != 1 || res.Findings[0].File != "a.yaml" {
		t.Errorf("Eval = %+v, %v: want the finding, in a.yaml", res, err)
	}
}

// TestBatchTerms: each object of a batch is a copy marked with the index
// of its document, the documents' own terms are left as they were, and an
// object that already holds the mark fails the batch rather than pass for
// another document's.
func TestBatchTerms(t *testing.T) {
	doc := func(names ...string) []*ast.Term {
		var out []*ast.Term
		for _, n := range names {
			out = append(out, ast.ObjectTerm(ast.Item(ast.StringTerm("address"), ast.StringTerm(n))))
		}
		return out
	}
	terms := [][]*ast.Term{doc("Pod/a", "Service/a"), doc(), doc("Pod/b")}
	got, err := batchTerms(terms)
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	for _, term := range got {
		marks = append(marks, term.String())
	}
	want := []string{
		`{"address": "Pod/a", "batch_input": 0}`,
		`{"address": "Service/a", "batch_input": 0}`,
		`{"address": "Pod/b", "batch_input": 2}`,
	}
	if diff := cmp.Diff(want, marks); diff != "" {
		t.Errorf("marked objects (-want +got):\n%s", diff)
	}
	if s := terms[0][0].String(); s != `{"address": "Pod/a"}` {
		t.Errorf("the document's own object became %s", s)
	}
	forged := ast.ObjectTerm(ast.Item(ast.StringTerm("address"), ast.StringTerm("Pod/c")), ast.Item(ast.StringTerm(batchInput), ast.IntNumberTerm(0)))
	if _, err := batchTerms([][]*ast.Term{doc("Pod/a"), {forged}}); err == nil {
		t.Error("an object that holds batch_input already was marked again")
	}
}

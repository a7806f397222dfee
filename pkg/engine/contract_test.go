package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// offSelector lists the findings of fs that sit on a resource whose type
// is not among its rule's selector types for doc's target: the engine
// shards a document by those types and skips rules whose types a document
// lacks (package doc), so such a finding would appear or vanish with the
// document's size and content.
func offSelector(rules map[string]finding.Rule, doc input.Document, fs []finding.Finding) []string {
	types := map[string]string{}
	for _, r := range doc.Resources {
		types[r.Address] = r.Type
	}
	var out []string
	for _, f := range fs {
		typ, ok := types[f.Resource]
		if f.Resource == "" || !ok {
			continue
		}
		want := selectorTypes(rules[f.RuleID], Target(doc.Source.Format))
		if len(want) > 0 && !slices.Contains(want, typ) {
			out = append(out, fmt.Sprintf("%s: %s reports on %s, a %s, outside its selector types %v", doc.Source.Path, f.RuleID, f.Resource, typ, want))
		}
	}
	return out
}

// TestFindingsOnSelectorTypes enforces the engine's contract on every
// built-in rule: evaluated whole (no sharding, no skipping), every finding
// sits on a resource of its rule's selector types. Inputs: generated plans
// holding every resource type the rules select, generated manifests, the
// examples and, when present, ../shared/data.
func TestFindingsOnSelectorTypes(t *testing.T) {
	cat := builtinCatalog(t)
	rules := map[string]finding.Rule{}
	for _, r := range cat.Rules {
		rules[r.ID] = r
	}
	docs := map[string][]byte{}
	types := bench.ResourceTypes(cat.Rules, "terraform")
	for i := 0; i < len(types); i += 25 {
		var buf bytes.Buffer
		if err := bench.WritePlan(&buf, 60, types[i:min(i+25, len(types))], uint64(i)); err != nil {
			t.Fatal(err)
		}
		docs[fmt.Sprintf("generated/plan-%03d.json", i)] = buf.Bytes()
	}
	manifests := t.TempDir()
	if err := bench.WriteManifests(manifests, 60, 2); err != nil {
		t.Fatal(err)
	}
	var paths []string
	paths = append(paths, sharedData("*/*/*")...)
	paths = append(paths, sharedData("*/*")...)
	for _, pattern := range []string{manifests + "/*", "../../test/examples/*"} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs[p] = data
		}
	}
	e, err := New(t.Context(), cat, Options{allRules: true, Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for name, data := range docs {
		doc, err := loader.Parse(t.Context(), name, data, loader.Options{})
		if err != nil {
			continue // the malformed inputs of ../shared/data
		}
		res, err := e.Eval(t.Context(), doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checked += len(res.Findings)
		for _, v := range offSelector(rules, doc, res.Findings) {
			t.Error(v)
		}
	}
	if checked < 500 {
		t.Fatalf("%d findings checked: the test checks too little", checked)
	}
}

// TestSelectorContractCatchesABrokenRule shows the check above failing on
// a rule that breaks the contract: it selects buckets and reports on roles.
func TestSelectorContractCatchesABrokenRule(t *testing.T) {
	const broken = `# METADATA
# title: Broken
# scope: package
# custom:
#   id: TST-BRK-001
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
package tenet.test.broken

import rego.v1

deny contains {"msg": "reported on a role", "resource": r.address} if {
	some r in input.resources
	r.type == "aws_iam_role"
}
`
	fsys := fstest.MapFS{
		".manifest":   {Data: []byte(`{"roots": ["tenet/test"]}`)},
		"broken.rego": {Data: []byte(broken)},
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "test", FS: fsys}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(t.Context(), cat, Options{allRules: true, Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: "plan.json", Format: input.FormatTerraformPlan}, Resources: []input.Resource{
		{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Name: "b", Mode: "managed", Action: input.ActionCreate, Values: map[string]any{}},
		{Address: "aws_iam_role.r", Type: "aws_iam_role", Name: "r", Mode: "managed", Action: input.ActionCreate, Values: map[string]any{}},
	}}
	res, err := e.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]finding.Rule{}
	for _, r := range cat.Rules {
		rules[r.ID] = r
	}
	if v := offSelector(rules, doc, res.Findings); len(v) != 1 {
		t.Errorf("the broken rule gave %v; want one violation", v)
	}
}

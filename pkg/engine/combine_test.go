package engine_test

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// combinedRule sees conftest's combined input: an array of {path,
// contents}, and reports the paths in the order it sees them.
const combinedRule = `package main

import rego.v1

deny contains msg if {
	is_array(input)
	msg := concat(",", [sprintf("%s:%s", [x.path, x.contents.kind]) | some x in input])
}

warn contains "one document" if not is_array(input)
`

func TestEvalCombined(t *testing.T) {
	fsys := fstest.MapFS{
		".manifest":        {Data: []byte(`{"roots": ["tenet/test", "main"]}`)},
		"s3/enc.rego":      {Data: []byte(nativeRule)},
		"main/policy.rego": {Data: []byte(combinedRule)},
		"nist.json":        {Data: []byte(nistCatalog)},
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "test", FS: fsys}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(t.Context(), cat, engine.Options{Combine: true})
	if err != nil {
		t.Fatal(err)
	}
	plan := input.Document{
		Schema: input.Schema,
		Source: input.Source{Path: "b/plan.json", Format: input.FormatTerraformPlan},
		Resources: []input.Resource{
			{Address: "aws_s3_bucket.bad", Type: "aws_s3_bucket", Action: "create", Mode: "managed", Values: map[string]any{}},
		},
		Raw: map[string]any{"kind": "Plan"},
	}
	manifest := input.Document{
		Schema: input.Schema,
		Source: input.Source{Path: "a/k.yaml", Format: input.FormatKubernetes, Documents: 2},
		Raw:    []any{map[string]any{"kind": "Pod"}, map[string]any{"kind": "Service"}},
	}
	// Eval runs the built-in and tenet-native rules only.
	got, err := e.Eval(t.Context(), plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != 1 || got.Findings[0].RuleID != "TST-S3-001" {
		t.Errorf("Eval with Combine: %+v, want the native rule's finding only", got.Findings)
	}
	if _, ok := got.Checked["main.deny"]; ok {
		t.Errorf("Eval with Combine counted main.deny: %v", got.Checked)
	}
	got, err = e.EvalCombined(t.Context(), []input.Document{plan, manifest})
	if err != nil {
		t.Fatal(err)
	}
	want := []finding.Finding{{RuleID: "main.deny", Kind: finding.KindDeny, Message: "a/k.yaml:Pod,a/k.yaml:Service,b/plan.json:Plan", File: engine.CombinedPath}}
	if diff := cmp.Diff(want, got.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"main.deny": 1, "main.warn": 1}, got.Checked); diff != "" {
		t.Errorf("checked (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"main.deny", "main.warn"}, e.RawRules()); diff != "" {
		t.Errorf("raw rules (-want +got):\n%s", diff)
	}
}

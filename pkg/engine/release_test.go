package engine

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestEvalReleasingSameResult: EvalReleasing finds what Eval finds, on a
// generated plan sharded and whole and on the plans and states of
// ../shared/data, and leaves only the sensitive resources' Go values.
func TestEvalReleasingSameResult(t *testing.T) {
	cat := builtinCatalog(t)
	docs := terraformDocs(t, cat, generatedSize(1500), 11)
	for _, parallel := range []int{1, 2} {
		e, err := New(t.Context(), cat, Options{Parallel: parallel})
		if err != nil {
			t.Fatal(err)
		}
		findings := 0
		for name, data := range docs {
			want, wantErr := evalFresh(t, e, name, data, false)
			got, gotErr := evalFresh(t, e, name, data, true)
			if wantErr != nil || gotErr != nil {
				if (wantErr == nil) != (gotErr == nil) {
					t.Errorf("%s: Eval error %v, EvalReleasing error %v", name, wantErr, gotErr)
				}
				continue
			}
			findings += len(want.Findings)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("parallel %d, %s: results differ (-Eval +EvalReleasing):\n%s", parallel, name, diff)
			}
		}
		if findings < generatedSize(1000) {
			t.Fatalf("%d findings in all: the test checks too little", findings)
		}
	}
}

// evalFresh loads data and evaluates it with Eval or EvalReleasing; after
// EvalReleasing it checks which Go values are left.
func evalFresh(t *testing.T, e *Engine, name string, data []byte, release bool) (Result, error) {
	t.Helper()
	doc, err := loader.Parse(t.Context(), name, data, loader.Options{})
	if err != nil {
		return Result{}, err
	}
	if !release {
		return e.Eval(t.Context(), doc)
	}
	res, err := e.EvalReleasing(t.Context(), doc)
	for _, r := range doc.Resources {
		if len(r.Sensitive) == 0 && (r.Values != nil || r.Before != nil) {
			t.Errorf("%s: %s: Go values kept after EvalReleasing", name, r.Address)
		}
	}
	return res, err
}

// TestEvalReleasingMasked: a custom rule still sees the masked document,
// the secret masked also where it was copied into a resource that is not
// sensitive, and redaction still finds the secret after the release.
func TestEvalReleasingMasked(t *testing.T) {
	rule := func(id, pkg string) string {
		return `# METADATA
# title: Prints the password
# description: Test rule.
# scope: package
# custom:
#   id: ` + id + `
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance]
#   controls:
#     nist-800-53-r5: ["SC-28"]
#   remediation: None.
package ` + pkg + `

import rego.v1

deny contains {"msg": r.values.password, "resource": r.address} if {
	some r in input.resources
}
`
	}
	builtinFS := fstest.MapFS{".manifest": {Data: []byte(`{"roots": ["tenet/b"]}`)}, "b.rego": {Data: []byte(rule("TST-B-001", "tenet.b"))}, "nist.json": {Data: []byte(`{"nist-800-53-r5": {"title": "NIST", "controls": {"SC-28": {"title": "Protection of Information at Rest"}}}}`)}}
	customFS := fstest.MapFS{".manifest": {Data: []byte(`{"roots": ["tenet/c"]}`)}, "c.rego": {Data: []byte(rule("TST-C-001", "tenet.c"))}}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "b", FS: builtinFS, Builtin: true}, {Path: "c", FS: customFS}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := func() input.Document {
		return input.Document{Schema: input.Schema, Source: input.Source{Path: "plan.json", Format: input.FormatTerraformPlan},
			Resources: []input.Resource{
				{Address: "aws_db_instance.main", Type: "aws_db_instance", Action: "create", Mode: "managed",
					Values: map[string]any{"password": "hunter22"}, Sensitive: []string{"password"}},
				{Address: "aws_db_instance.copy", Type: "aws_db_instance", Action: "create", Mode: "managed",
					Values: map[string]any{"password": "hunter22"}},
			}}
	}
	want, err := e.Eval(t.Context(), doc())
	if err != nil {
		t.Fatal(err)
	}
	released := doc()
	got, err := e.EvalReleasing(t.Context(), released)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results differ (-Eval +EvalReleasing):\n%s", diff)
	}
	masked := 0
	for _, f := range got.Findings {
		if f.RuleID == "TST-C-001" && f.Message == input.Redacted {
			masked++
		}
	}
	if masked != 2 {
		t.Errorf("custom rule saw the secret unmasked: %+v", got.Findings)
	}
	if released.Resources[1].Values != nil || released.Resources[0].Values == nil {
		t.Errorf("values after release: %v, %v; want the sensitive resource's only", released.Resources[0].Values, released.Resources[1].Values)
	}
	if s := released.SensitiveStrings(); len(s) != 1 || s[0] != "hunter22" {
		t.Errorf("SensitiveStrings after release = %v", s)
	}
}

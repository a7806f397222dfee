package engine

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	regolib "github.com/tenet-dev/tenet/rego"
)

// TestCustomShardsSameResult: the built-in rule bundles loaded as policies
// from outside the built-ins (beside the built-in rego/lib) find in shards
// what they find with one query, on a generated plan and on every plan
// and state of ../shared/data; those that qualify are sharded.
func TestCustomShardsSameResult(t *testing.T) {
	sources, err := bundles.Sources(false)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := terraformDocs(t, builtinCatalog(t), generatedSize(1500), 17)
	whole, sharded := wholeAndSharded(t, cat, 3)
	g := sharded.groups["terraform"+customSuffix]
	if g == nil || len(g.shards()) < 20 || len(g.shards()[0].evals) == len(g.evals) {
		t.Fatalf("the custom group should shard: %v", g != nil)
	}
	t.Logf("%d of %d custom evals in shards of their own", len(g.evals)-len(g.shards()[0].evals), len(g.evals))
	terraform := func(doc input.Document) bool {
		return doc.Source.Format == input.FormatTerraformPlan || doc.Source.Format == input.FormatTerraformState
	}
	_, findings := compareEngines(t, docs, whole, sharded, terraform)
	if findings < generatedSize(1000) {
		t.Fatalf("%d findings in all: the test checks too little", findings)
	}
}

// TestCustomQualifies: what keeps a custom module's rules on the whole
// document.
func TestCustomQualifies(t *testing.T) {
	builtins := map[string]bool{accessor: true, resultPkg: true, "data.tenet.lib.gcp": true, "data.tenet.aws.s3.x": true}
	for _, tc := range []struct {
		name, body string
		want       bool
	}{
		{"literal types", `deny contains r.address if {
	some r in terraform.resources("aws_s3_bucket")
	some p in terraform.referencing(r, "aws_s3_bucket_policy", "bucket")
	result.fail(r, "x")
}`, true},
		{"another custom package", `deny contains x if { some x in data.custom.helpers.found }`, true},
		{"computed type", `deny contains r.address if {
	some o in terraform.resources("aws_s3_bucket")
	some r in terraform.resources(o.values.kind)
}`, false},
		{"type in a variable", `deny contains r.address if {
	t := "aws_s3_bucket"
	some r in terraform.resources(t)
}`, false},
		{"type not type-like", `deny contains r.address if { some r in terraform.resources("AWS::S3::Bucket") }`, false},
		{"joined type computed", `deny contains r.address if {
	some r in terraform.resources("aws_s3_bucket")
	some p in terraform.referencing(r, concat("", ["aws_", "x"]), "bucket")
}`, false},
		{"too few arguments", `deny contains x if { x := terraform.referencing(input) }`, false},
		{"another built-in library", `deny contains x if { some x in gcp.iam_members("google_project") }`, false},
		{"a built-in rule package", `deny contains x if { some x in data.tenet.aws.s3.x.deny }`, false},
		{"called through an alias", `deny contains r.address if { some r in tf.resources(data.custom.kind) }`, false},
		{"an alias with a literal", `deny contains r.address if { some r in tf.data_sources("aws_iam_policy_document") }`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "package custom.rule\n\nimport rego.v1\n\nimport data.tenet.lib.terraform\nimport data.tenet.lib.terraform as tf\nimport data.tenet.lib.result\nimport data.tenet.lib.gcp\n\n" + tc.body + "\n"
			m, err := ast.ParseModuleWithOpts("custom.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Fatal(err)
			}
			byPkg := map[string][]*ast.Module{"data.custom.rule": {m}, "data.custom.helpers": {m}}
			for p := range builtins {
				byPkg[p] = []*ast.Module{{}}
			}
			got := customQualifies(m, "data.custom.rule", byPkg, func(p string) bool { return builtins[p] })
			if got != tc.want {
				t.Errorf("qualifies %v, want %v:\n%s", got, tc.want, strings.TrimSpace(tc.body))
			}
		})
	}
	for _, pkg := range []string{accessor, resultPkg} {
		if customQualifies(&ast.Module{}, pkg, nil, nil) {
			t.Errorf("a custom module may add to %s", pkg)
		}
	}
}

// TestCustomComputedType: a custom rule that reads a type it computes
// from the document stays on the whole document and finds what it finds
// without shards; one that names its types shards.
func TestCustomComputedType(t *testing.T) {
	rule := func(id, pkg, body string) string {
		return `# METADATA
# title: Test rule
# description: Test rule.
# scope: package
# custom:
#   id: ` + id + `
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ssm_parameter]
package ` + pkg + `

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

` + body + "\n"
	}
	custom := fstest.MapFS{
		"computed.rego": {Data: []byte(rule("TST-C-001", "custom.computed", `deny contains result.fail(r, sprintf("%s is named by a parameter", [r.address])) if {
	some p in terraform.resources("aws_ssm_parameter")
	some r in terraform.resources(p.values.value)
}`))},
		"named.rego": {Data: []byte(rule("TST-C-002", "custom.named", `deny contains result.fail(p, "plain") if {
	some p in terraform.resources("aws_ssm_parameter")
	p.values.type == "String"
}`))},
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "rego", FS: regolib.FS, Builtin: true}, {Path: "custom", FS: custom}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	whole, sharded := wholeAndSharded(t, cat, 2)
	g := sharded.groups["terraform"+customSuffix]
	if g == nil || len(g.shards()) != 2 || len(g.shards()[0].evals) != 1 || g.shards()[0].evals[0].RuleID != "TST-C-001" {
		t.Fatalf("want the computed rule on the whole document, the named one in a shard")
	}
	// print() output shown but never called: still sharded; a trace:
	// one query, as without shards.
	var out bytes.Buffer
	for _, tc := range []struct {
		opts   Options
		shards int
	}{{Options{Parallel: 2, Print: &out}, 2}, {Options{Parallel: 2, Print: &out, Trace: &out}, 0}} {
		e, err := New(t.Context(), cat, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(e.groups["terraform"+customSuffix].shards()); n != tc.shards {
			t.Errorf("print %v, trace %v: %d shards, want %d", tc.opts.Print != nil, tc.opts.Trace != nil, n, tc.shards)
		}
	}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: "plan.json", Format: input.FormatTerraformPlan},
		Resources: []input.Resource{
			{Address: "aws_ssm_parameter.p", Type: "aws_ssm_parameter", Action: "create", Mode: "managed", Values: map[string]any{"value": "aws_kms_key", "type": "String"}},
			{Address: "aws_kms_key.k", Type: "aws_kms_key", Action: "create", Mode: "managed", Values: map[string]any{}},
		}}
	want, err := whole.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sharded.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" || len(got.Findings) != 2 {
		t.Errorf("%d findings; sharded and whole differ (-whole +sharded):\n%s", len(got.Findings), diff)
	}
}

package engine_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

const nativeRule = `# METADATA
# title: Buckets are encrypted
# description: Test rule.
# scope: package
# custom:
#   id: TST-S3-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#   controls:
#     nist-800-53-r5: ["SC-28"]
#   remediation: Encrypt it.
package tenet.test.s3

import rego.v1

deny contains {"msg": "not encrypted", "resource": r.address, "attribute": "encrypted"} if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	not "encrypted" in object.get(r, "unknown", [])
	not r.values.encrypted
}

unknown contains {"msg": "encrypted is unknown until apply", "resource": r.address} if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	"encrypted" in r.unknown
}
`

const conftestRule = `package main

import rego.v1

deny contains msg if {
	input.kind == "Pod"
	msg := sprintf("pod %s", [input.metadata.name])
}

warn_label if not input.metadata.labels
`

// nistCatalog is the framework catalog of the control the test rules map
// to: a mapping to a control without one is refused.
const nistCatalog = `{"nist-800-53-r5": {"title": "NIST", "controls": {"SC-28": {"title": "Protection of Information at Rest"}}}}`

func newEngine(t *testing.T) *engine.Engine {
	t.Helper()
	fsys := fstest.MapFS{
		".manifest":        {Data: []byte(`{"revision": "1.2.3", "roots": ["tenet/test", "main"]}`)},
		"s3/enc.rego":      {Data: []byte(nativeRule)},
		"main/policy.rego": {Data: []byte(conftestRule)},
		"nist.json":        {Data: []byte(nistCatalog)},
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "test", FS: fsys}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(t.Context(), cat, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestEval(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		name        string
		doc         input.Document
		want        []finding.Finding
		wantChecked map[string]int
	}{
		{
			name: "plan with failing, passing, unknown and deleted buckets",
			doc: input.Document{
				Schema: input.Schema,
				Source: input.Source{Path: "plan.json", Format: input.FormatTerraformPlan},
				Resources: []input.Resource{
					{Address: "aws_s3_bucket.bad", Type: "aws_s3_bucket", Action: "create", Mode: "managed", Values: map[string]any{}, Location: input.Location{File: "plan.json"}},
					{Address: "aws_s3_bucket.good", Type: "aws_s3_bucket", Action: "create", Mode: "managed", Values: map[string]any{"encrypted": true}},
					{Address: "aws_s3_bucket.later", Type: "aws_s3_bucket", Action: "create", Mode: "managed", Values: map[string]any{}, Unknown: []string{"encrypted"}},
					{Address: "aws_s3_bucket.gone", Type: "aws_s3_bucket", Action: "delete", Mode: "managed", Values: map[string]any{"encrypted": true}},
				},
			},
			want: []finding.Finding{
				{RuleID: "TST-S3-001", Kind: finding.KindDeny, Severity: "high", Message: "not encrypted", Resource: "aws_s3_bucket.bad", Attribute: "encrypted", File: "plan.json"},
				{RuleID: "TST-S3-001", Kind: finding.KindUnknown, Severity: "high", Message: "encrypted is unknown until apply", Resource: "aws_s3_bucket.later", File: "plan.json"},
			},
			wantChecked: map[string]int{"TST-S3-001": 3},
		},
		{
			name: "conftest-style rules see each raw document",
			doc: input.Document{
				Schema: input.Schema,
				Source: input.Source{Path: "k.yaml", Format: input.FormatKubernetes, Documents: 2},
				Raw: []any{
					map[string]any{"kind": "Pod", "metadata": map[string]any{"name": "a"}},
					map[string]any{"kind": "Service", "metadata": map[string]any{"name": "b", "labels": map[string]any{"x": "y"}}},
				},
			},
			want: []finding.Finding{
				{RuleID: "main.deny", Kind: finding.KindDeny, Message: "pod a", Document: "Pod/a", File: "k.yaml"},
				{RuleID: "main.warn_label", Kind: finding.KindWarn, Message: "data.main.warn_label", Document: "Pod/a", File: "k.yaml"},
			},
			wantChecked: map[string]int{"main.deny": 2, "main.warn_label": 2},
		},
		{
			// conftest evaluates every element of a top-level array on its
			// own, in JSON as in YAML.
			name: "conftest-style rules see each element of a JSON array",
			doc: input.Document{
				Schema: input.Schema,
				Source: input.Source{Path: "pods.json", Format: input.FormatJSON},
				Raw: []any{
					map[string]any{"kind": "Pod", "metadata": map[string]any{"name": "a", "labels": map[string]any{"x": "y"}}},
					map[string]any{"kind": "Pod", "metadata": map[string]any{"name": "b", "labels": map[string]any{"x": "y"}}},
				},
			},
			want: []finding.Finding{
				{RuleID: "main.deny", Kind: finding.KindDeny, Message: "pod a", Document: "#1", File: "pods.json"},
				{RuleID: "main.deny", Kind: finding.KindDeny, Message: "pod b", Document: "#2", File: "pods.json"},
			},
			wantChecked: map[string]int{"main.deny": 2, "main.warn_label": 2},
		},
		{
			// The document tells apart findings of one message: the
			// Kubernetes object a document is, else its position.
			name: "conftest-style findings name their document",
			doc: input.Document{
				Schema: input.Schema,
				Source: input.Source{Path: "k.yaml", Format: input.FormatKubernetes, Documents: 4},
				Raw: []any{
					map[string]any{"apiVersion": "v1", "kind": "Pod", "metadata": map[string]any{"name": "a", "namespace": "default"}},
					map[string]any{"apiVersion": "v1", "kind": "Pod", "metadata": map[string]any{"name": "a", "namespace": "shop"}},
					map[string]any{"kind": "List", "items": []any{}, "metadata": map[string]any{"name": "l"}},
					map[string]any{"kind": "Pod", "metadata": map[string]any{}},
				},
			},
			want: []finding.Finding{
				{RuleID: "main.deny", Kind: finding.KindDeny, Message: "pod a", Document: "Pod/a", File: "k.yaml"},
				{RuleID: "main.deny", Kind: finding.KindDeny, Message: "pod a", Document: "shop/Pod/a", File: "k.yaml"},
				{RuleID: "main.warn_label", Kind: finding.KindWarn, Message: "data.main.warn_label", Document: "Pod/a", File: "k.yaml"},
				{RuleID: "main.warn_label", Kind: finding.KindWarn, Message: "data.main.warn_label", Document: "shop/Pod/a", File: "k.yaml"},
				{RuleID: "main.warn_label", Kind: finding.KindWarn, Message: "data.main.warn_label", Document: "#3", File: "k.yaml"},
				{RuleID: "main.warn_label", Kind: finding.KindWarn, Message: "data.main.warn_label", Document: "#4", File: "k.yaml"},
			},
			wantChecked: map[string]int{"main.deny": 4, "main.warn_label": 4},
		},
		{
			name: "one plain document has no document name",
			doc: input.Document{
				Schema: input.Schema,
				Source: input.Source{Path: "x.yaml", Format: input.FormatYAML},
				Raw:    map[string]any{"kind": "Pod", "metadata": map[string]any{"name": "a"}},
			},
			want: []finding.Finding{
				{RuleID: "main.deny", Kind: finding.KindDeny, Message: "pod a", File: "x.yaml"},
				{RuleID: "main.warn_label", Kind: finding.KindWarn, Message: "data.main.warn_label", File: "x.yaml"},
			},
			wantChecked: map[string]int{"main.deny": 1, "main.warn_label": 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := e.Eval(t.Context(), tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got.Findings); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantChecked, got.Checked); diff != "" {
				t.Errorf("checked (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSandbox(t *testing.T) {
	const policy = `package main

import rego.v1

deny contains msg if {
	resp := http.send({"method": "GET", "url": "http://169.254.169.254/latest/meta-data/"})
	msg := resp.raw_body
}
`
	load := func(t *testing.T) *catalog.Catalog {
		fsys := fstest.MapFS{"main/policy.rego": {Data: []byte(policy)}}
		cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "custom", FS: fsys}}, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return cat
	}
	_, err := engine.New(t.Context(), load(t), engine.Options{})
	if err == nil || !strings.Contains(err.Error(), "undefined function http.send") || !strings.Contains(err.Error(), "--allow-builtin http.send") {
		t.Errorf("http.send must be refused with a hint, got %v", err)
	}
	if _, err := engine.New(t.Context(), load(t), engine.Options{AllowBuiltins: []string{"http.send"}}); err != nil {
		t.Errorf("allowed http.send: %v", err)
	}
	caps := engine.Capabilities(nil)
	for _, b := range caps.Builtins {
		if b.Name == "opa.runtime" || b.Name == "net.lookup_ip_addr" {
			t.Errorf("%s is in the default capabilities", b.Name)
		}
	}
}

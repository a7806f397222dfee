package tenet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestNotEvaluated: an input that no loaded rule checks is reported as not
// evaluated, with why, and never counts as a pass; --fail-on-unevaluated
// fails the run. Before this, a CloudFormation template gave "PASS: 0
// failures" and exit 0.
func TestNotEvaluated(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	planOf := func(changes string) string {
		return `{"format_version":"1.2","terraform_version":"1.9.0","resource_changes":[` + changes + `]}`
	}
	change := func(typ, name, action string) string {
		return `{"address":"` + typ + `.` + name + `","mode":"managed","type":"` + typ + `","name":"` + name +
			`","provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["` + action + `"],"before":{},"after":{},"after_unknown":{}}}`
	}
	tests := []struct {
		name, file, body string
		want             finding.InputStatus
		reason           string
	}{
		{"cloudformation template of types no rule checks", "stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  S:\n    Type: AWS::Events::Rule\n", finding.InputNotEvaluated,
			"no loaded rule checks its resource types (AWS::Events::Rule)"},
		{"cloudformation template", "bucket.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n", finding.InputEvaluated, ""},
		{"github workflow", "ci.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n", finding.InputNotEvaluated,
			"plain YAML: no loaded rule reads it (the built-in rules read Terraform, CloudFormation, Kubernetes and Dockerfiles)"},
		{"json file", "package.json", `{"name": "x"}`, finding.InputNotEvaluated,
			"plain JSON: no loaded rule reads it (the built-in rules read Terraform, CloudFormation, Kubernetes and Dockerfiles)"},
		{"kind no rule selects", "pc.yaml", "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n", finding.InputNotEvaluated,
			"no loaded rule checks its resource types (PriorityClass)"},
		{"empty plan", "empty.json", planOf(""), finding.InputNotEvaluated, "it has no resources"},
		{"types no rule selects", "random.json", planOf(change("random_id", "a", "create") + "," + change("null_resource", "b", "create")), finding.InputNotEvaluated,
			"no loaded rule checks its resource types (null_resource, random_id)"},
		{"only deletions", "delete.json", planOf(change("aws_s3_bucket", "old", "delete")), finding.InputNotEvaluated,
			"no live resource: its one resource is deleted by the plan or is a data source"},
		{"a bucket", "bucket.json", planOf(change("aws_s3_bucket", "b", "create")), finding.InputEvaluated, ""},
		{"a pod", "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx:1.27}]}\n", finding.InputEvaluated, ""},
	}
	var paths []string
	for _, tc := range tests {
		paths = append(paths, write(tc.file, tc.body))
	}
	s, err := New(t.Context(), WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	res := allowIncomplete(t)(s.Scan(t.Context(), paths...))
	byPath := map[string]finding.Input{}
	for _, in := range res.Inputs {
		byPath[in.Path] = in
	}
	notEvaluated := 0
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, ok := byPath[paths[i]]
			if !ok {
				t.Fatalf("%s is not in the result's inputs (errors: %v)", tc.file, res.Errors)
			}
			if in.Status != tc.want || in.Reason != tc.reason {
				t.Errorf("status %q, reason %q; want %q, %q", in.Status, in.Reason, tc.want, tc.reason)
			}
		})
		if tc.want == finding.InputNotEvaluated {
			notEvaluated++
		}
	}
	if res.Summary.NotEvaluated != notEvaluated {
		t.Errorf("Summary.NotEvaluated = %d, want %d", res.Summary.NotEvaluated, notEvaluated)
	}

	// Alone, a template does not fail the run unless asked to.
	for _, fail := range []bool{false, true} {
		s, err := New(t.Context(), WithVersion("test"), WithFailOnUnevaluated(fail))
		if err != nil {
			t.Fatal(err)
		}
		res := allowIncomplete(t)(s.Scan(t.Context(), paths[0]))
		if res.Summary.Failed != fail {
			t.Errorf("WithFailOnUnevaluated(%v): Failed = %v", fail, res.Summary.Failed)
		}
	}
}

// TestNotEvaluatedConftestPolicy: a conftest-style policy that runs on a
// plain YAML file evaluates it, even when it finds nothing.
func TestNotEvaluatedConftestPolicy(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.rego")
	if err := os.WriteFile(policy, []byte("package main\n\nimport rego.v1\n\ndeny contains \"no name\" if not input.name\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "app.yaml")
	if err := os.WriteFile(file, []byte("name: app\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res := allowIncomplete(t)(Scan(t.Context(), []string{file}, WithoutBuiltins(), WithPolicy(policy)))
	if len(res.Inputs) != 1 || res.Inputs[0].Status != finding.InputEvaluated || res.Summary.NotEvaluated != 0 {
		t.Errorf("inputs %+v, not evaluated %d; want one evaluated input", res.Inputs, res.Summary.NotEvaluated)
	}
}

// TestNoRules: a scan with no rule at all would pass every input having
// checked nothing; it is refused, as conftest refuses it.
func TestNoRules(t *testing.T) {
	_, err := Scan(t.Context(), []string{"../../test/examples/k8s.yaml"}, WithoutBuiltins())
	if err == nil || err.Error() != "no rules to run: --no-builtins leaves out the built-in bundles and no --policy was given" {
		t.Errorf("Scan without rules: err = %v", err)
	}
}

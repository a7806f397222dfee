package conftestfn

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tenet-dev/tenet/pkg/input"
)

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestParseFileInputDirs: besides the working directory, a policy reads
// the files under the directory of an input being evaluated, and nothing
// out of it (no "..", no link out), nor under another directory.
func TestParseFileInputDirs(t *testing.T) {
	t.Chdir(t.TempDir())
	repo := t.TempDir()
	writeFile(t, filepath.Join(repo, "k8s", "deploy.yaml"), "kind: Deployment\n")
	writeFile(t, filepath.Join(repo, "k8s", "values.yaml"), "replicas: 3\n")
	writeFile(t, filepath.Join(repo, "secret.json"), `{"token": "s3cr3t"}`)
	if err := os.Symlink(filepath.Join(repo, "secret.json"), filepath.Join(repo, "k8s", "link.json")); err != nil {
		t.Fatal(err)
	}
	// The policy lives in the input's directory tree, so its relative
	// paths lead there.
	policy := filepath.Join(repo, "k8s", "policy", "p.rego")
	scoped := WithScope(t.Context(), Scope{Inputs: []string{filepath.Join(repo, "k8s", "deploy.yaml")}})

	if _, err := ParseFile(t.Context(), policy, "../values.yaml"); err == nil || !strings.Contains(err.Error(), "under the working directory") {
		t.Errorf("without the input in scope, ../values.yaml = %v; want a refusal", err)
	}
	v, err := ParseFile(scoped, policy, "../values.yaml")
	if err != nil || v.(map[string]any)["replicas"] != float64(3) {
		t.Errorf("the input's directory: ../values.yaml = %v, %v", v, err)
	}
	for _, path := range []string{"../../secret.json", "../link.json"} {
		v, err := ParseFile(scoped, policy, path)
		if err == nil || !strings.Contains(err.Error(), "under the working directory or an input's directory") {
			t.Errorf("%s = %v, %v; want a refusal", path, v, err)
		}
		if err != nil && strings.Contains(err.Error(), "s3cr3t") {
			t.Errorf("%s: the error shows the file's content", path)
		}
	}
	// A configuration directory as input: its own tree.
	dirScope := WithScope(t.Context(), Scope{Inputs: []string{filepath.Join(repo, "k8s")}})
	if _, err := ParseFile(dirScope, policy, "../values.yaml"); err != nil {
		t.Errorf("a directory input: %v", err)
	}
	if _, err := ParseFile(dirScope, policy, "../../secret.json"); err == nil {
		t.Error("a directory input lets its parent be read")
	}
}

// TestParseFileMasked: what a policy reads is masked as its input is: the
// evaluated documents' secrets and the file's own (a plan's sensitive
// values, a configuration's sensitive variable defaults), unless the
// scope lets policies see secrets.
func TestParseFileMasked(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "plan.json", `{"format_version": "1.2", "planned_values": {"root_module": {}},
 "resource_changes": [{"address": "aws_db_instance.a", "mode": "managed", "type": "aws_db_instance", "name": "a",
  "change": {"actions": ["create"], "before": null, "after": {"password": "hunter2-plan"}, "after_unknown": {}, "after_sensitive": {"password": true}}}]}`)
	writeFile(t, "vars.tf", "variable \"key\" {\n  sensitive = true\n  default   = \"hunter2-default\"\n}\n")
	writeFile(t, "app.yaml", "dsn: postgres://u:hunter2-input@db\n")
	const policy = "p.rego"
	ctx := WithScope(t.Context(), Scope{Secrets: func() []string { return []string{"hunter2-input"} }})
	for path, secret := range map[string]string{"plan.json": "hunter2-plan", "vars.tf": "hunter2-default", "app.yaml": "hunter2-input"} {
		v, err := ParseFile(ctx, policy, path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		b, _ := json.Marshal(v)
		if strings.Contains(string(b), secret) || !strings.Contains(string(b), input.Redacted) {
			t.Errorf("%s: %s; want %q masked", path, b, secret)
		}
		v, err = ParseFile(WithScope(t.Context(), Scope{Unmasked: true}), policy, path)
		if b, _ := json.Marshal(v); err != nil || !strings.Contains(string(b), secret) {
			t.Errorf("%s unmasked: %s, %v", path, b, err)
		}
	}
}

// TestParseConftestNames: parse_combined_config_files names each entry by
// the path read (joined to the policy's directory), as conftest does, and
// a .tfvars file is read as HCL 2, as conftest picks it.
func TestParseConftestNames(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "data/a.yaml", "a: 1\n")
	writeFile(t, "data/multi.yaml", "x: 1\n---\nz: 2\n")
	writeFile(t, "data/terraform.tfvars", "region = \"eu-west-1\"\n")
	const module = `package main

import rego.v1

combined := parse_combined_config_files(["../data/a.yaml", "../data/multi.yaml"])

vars := parse_config_file("../data/terraform.tfvars")
`
	opts := append([]func(*rego.Rego){rego.Query("data.main"), rego.Module("policy/p.rego", module)}, Functions()...)
	rs, err := rego.New(opts...).Eval(t.Context())
	if err != nil || len(rs) != 1 {
		t.Fatalf("%v, %v", rs, err)
	}
	got, _ := json.Marshal(rs[0].Expressions[0].Value)
	want := `{"combined":[{"contents":{"a":1},"path":"data/a.yaml"},{"contents":{"x":1},"path":"data/multi.yaml"},{"contents":{"z":2},"path":"data/multi.yaml"}],"vars":{"region":"eu-west-1"}}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

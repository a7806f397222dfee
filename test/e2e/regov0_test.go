package e2e

import (
	"strings"
	"testing"
)

// TestRegoV0: conftest policies written for Rego v0 run with --rego-version
// v0, in test and verify; without it, the parse error says how to read
// them.
func TestRegoV0(t *testing.T) {
	const policy = "test/e2e/testdata/rego-v0"
	r := run(t, "", "test", "--no-config", "--no-builtins", "-p", policy, "test/examples/k8s.yaml")
	if r.code != 2 || !strings.Contains(r.stderr, "`if` keyword is required") || !strings.Contains(r.stderr, "--rego-version v0 reads it") {
		t.Errorf("v0 policy read as v1: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, "", "test", "--no-config", "--no-builtins", "--rego-version", "v0", "-p", policy, "-o", "json", "test/examples/k8s.yaml")
	if r.code != 1 || !strings.Contains(r.stdout, "Containers must not run as root") || !strings.Contains(r.stdout, `"kind": "warn"`) {
		t.Errorf("--rego-version v0: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "", "verify", "--no-config", "--no-builtins", "--rego-version", "v0", "-p", policy)
	if r.code != 0 || !strings.Contains(r.stdout, "1 passed") && !strings.Contains(r.stdout, "PASS") {
		t.Errorf("verify --rego-version v0: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "test", "--no-config", "--rego-version", "v2", "test/examples/k8s.yaml"); r.code != 2 || !strings.Contains(r.stderr, `rego version "v2"`) {
		t.Errorf("--rego-version v2: exit %d\n%s", r.code, r.stderr)
	}
}

// TestVerifyVarValues: verify --var-values shows the expression that
// failed with its variables' values, and print() output, under the test.
func TestVerifyVarValues(t *testing.T) {
	const policy = "test/e2e/testdata/verify-var-values"
	r := run(t, "", "verify", "--no-config", "--no-builtins", "--var-values", "-p", policy)
	for _, want := range []string{
		"FAIL  data.main.test_owner_missing",
		`deny["objects must have an owner label"] with input as obj`,
		`{"metadata": {"labels": {"owner": "team-a"}`,
		"checking api",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("verify --var-values lacks %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	plain := run(t, "", "verify", "--no-config", "--no-builtins", "-p", policy)
	if strings.Contains(plain.stdout, "with input as obj\n") || !strings.Contains(plain.stdout, "checking api") {
		t.Errorf("verify without --var-values:\n%s", plain.stdout)
	}
}

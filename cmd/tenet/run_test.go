package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunInProcess runs the commands through run, as OPA tests its
// commands: each case checks the exit code and what stdout and stderr
// hold. The binary tests in test/e2e keep the goldens and the real
// process (signals, stdin, files).
func TestRunInProcess(t *testing.T) {
	const plan, manifest = "../../test/examples/plan.json", "../../test/examples/k8s.yaml"
	dir := t.TempDir()
	template := filepath.Join(dir, "stack.yaml")
	if err := os.WriteFile(template, []byte("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	newline := filepath.Join(dir, "bad\nplan.json")
	if err := os.WriteFile(newline, []byte(`{"x":`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout []string
		stderr []string
	}{
		{name: "version", args: []string{"version"}, code: 0, stdout: []string{"tenet ", "opa ", "bundle tenet-aws "}},
		{name: "rules json", args: []string{"rules", "-o", "json", "--severity", "critical"}, code: 0, stdout: []string{`"id": "TNT-`}},
		{name: "frameworks", args: []string{"frameworks"}, code: 0, stdout: []string{"nist-800-53-r5"}},
		{name: "test fails", args: []string{"test", "--no-color", plan, manifest}, code: 1, stdout: []string{"FAIL: 58 failures"}},
		{name: "test json to a file", args: []string{"test", "-o", "json=" + filepath.Join(dir, "r.json"), plan}, code: 1, stdout: []string{}},
		{name: "not evaluated", args: []string{"test", template}, code: 0, stdout: []string{"NOT EVALUATED", "1 input not evaluated"}},
		{name: "fail on unevaluated", args: []string{"test", "--fail-on-unevaluated", template}, code: 1},
		{name: "stdin with a name", args: []string{"test", "--stdin-name", "pod.yaml", "-o", "github", "-"},
			stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx, securityContext: {privileged: true}}]}\n",
			code:  1, stdout: []string{"::error file=pod.yaml,line=1,"}},
		{name: "missing input", args: []string{"test", filepath.Join(dir, "nope.json"), plan}, code: 3, stderr: []string{"nope.json: stat: no such file or directory"}},
		{name: "a file named with a line break is one error line", args: []string{"test", newline, plan}, code: 3, stderr: []string{`plan.json": invalid JSON`}},
		{name: "a directory with no input", args: []string{"test", empty}, code: 2, stderr: []string{"no input files found in " + empty + ": directories are walked for .json, .yaml, .yml and .tfstate files"}},
		{name: "no rules", args: []string{"test", "--no-builtins", plan}, code: 2, stderr: []string{"no rules to run"}},
		{name: "two stdout outputs", args: []string{"test", "-o", "json", "-o", "sarif", plan}, code: 2, stderr: []string{"only one output can go to standard output"}},
		{name: "bad junit shape", args: []string{"test", "--junit-suites", "rule", plan}, code: 2, stderr: []string{"--junit-suites: want input or control"}},
		{name: "unknown command", args: []string{"nope"}, code: 2, stderr: []string{`unknown command "nope"`}},
		{name: "parse", args: []string{"parse", manifest}, code: 0, stdout: []string{`"schema": "tenet.input/v1"`, `"address": "shop/Deployment/debug"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(t.Context(), tc.args, strings.NewReader(tc.stdin), &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %.300s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
			for _, want := range tc.stdout {
				if !strings.Contains(out.String(), want) {
					t.Errorf("stdout lacks %q:\n%.500s", want, out.String())
				}
			}
			if n := strings.Count(errb.String(), "\n"); n > strings.Count(errb.String(), "tenet:") {
				t.Errorf("%d stderr lines for %d messages: a message spans lines:\n%s", n, strings.Count(errb.String(), "tenet:"), errb.String())
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, errb.String())
				}
			}
		})
	}
}

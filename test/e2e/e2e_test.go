// Package e2e builds the tenet binary and runs it as users do: on the
// examples, on broken inputs, with custom policies, and on every real file
// in ../shared/data when that directory is present.
package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/test/golden"
)

var binary string

// repoRoot is where the binary runs, so that paths in output are stable.
const repoRoot = "../.."

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tenet-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "tenet")
	build := exec.Command("go", "build", "-ldflags", "-X main.version=test", "-o", binary, "./cmd/tenet")
	build.Dir = repoRoot
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("build tenet: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type runResult struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, stdin string, args ...string) runResult {
	t.Helper()
	return runIn(t, repoRoot, stdin, args...)
}

// runIn runs the binary in dir.
func runIn(t *testing.T, dir, stdin string, args ...string) runResult {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "SOURCE_DATE_EPOCH=1795000000")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return runResult{stdout: out.String(), stderr: errb.String(), code: code}
}

func TestCLI(t *testing.T) {
	const (
		plan      = "test/examples/plan.json"
		manifest  = "test/examples/k8s.yaml"
		clean     = "test/e2e/testdata/inputs/clean-plan.json"
		truncated = "test/e2e/testdata/inputs/truncated.json"
	)
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		golden     bool     // compare stdout with testdata/<name>.golden
		wantStderr []string // substrings
		wantStdout []string // substrings
	}{
		{name: "examples-table", args: []string{"test", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-json", args: []string{"test", "-o", "json", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-markdown", args: []string{"test", "-o", "markdown", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-junit", args: []string{"test", "-o", "junit", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-csv", args: []string{"test", "-o", "csv", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-oscal", args: []string{"test", "-o", "oscal", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-sarif", args: []string{"test", "-o", "sarif", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-github", args: []string{"test", "-o", "github", plan, manifest}, wantCode: 1, golden: true},
		{name: "examples-html", args: []string{"test", "-o", "html", plan, manifest}, wantCode: 1, golden: true},
		{name: "clean-plan", args: []string{"test", clean}, wantCode: 0, golden: true},
		{name: "examples-cloudformation", args: []string{"test", "-o", "github", "test/examples/stack.yaml"}, wantCode: 1, golden: true},
		{name: "examples-terraform-dir", args: []string{"test", "-o", "github", "test/examples/terraform"}, wantCode: 1, golden: true},
		{name: "examples-plan-terraform-dir", args: []string{"test", "-o", "github", "--terraform-dir", "test/examples/terraform", plan}, wantCode: 1, golden: true},
		{name: "terraform-bad-hcl", args: []string{"test", "test/e2e/testdata/terraform/bad", clean}, wantCode: 3,
			wantStderr: []string{"test/e2e/testdata/terraform/bad/main.tf:2:10: Invalid expression"},
			wantStdout: []string{"INCOMPLETE: 0 failures, 0 warnings, 0 unknown until apply, 1 input error"}},
		{name: "terraform-var-default", args: []string{"test", "test/e2e/testdata/terraform/vars"}, wantCode: 1,
			wantStdout: []string{"aws_ebs_volume.data (test/e2e/testdata/terraform/vars/main.tf:9): the volume is not encrypted"}},
		{name: "verify-no-test", args: []string{"verify", "--run", "no_such_test_xyz"}, wantCode: 1,
			wantStderr: []string{`tenet: no test matches --run "no_such_test_xyz"`}},
		{name: "version-flag", args: []string{"--version"}, wantCode: 0, wantStdout: []string{"tenet "}},
		{name: "select-rules", args: []string{"test", "--rule", "TNT-AWS-S3-*", "--skip-rule", "tnt-aws-s3-009,TNT-AWS-S3-010", "-o", "csv", plan}, wantCode: 1,
			wantStdout: []string{"TNT-AWS-S3-001"}},
		{name: "select-rules-unknown", args: []string{"test", "--skip-rule", "TNT-AWS-S3-0100", plan}, wantCode: 2,
			wantStderr: []string{`tenet: --skip-rule "TNT-AWS-S3-0100" matches no loaded rule (see tenet rules)`}},
		{name: "severity-list", args: []string{"test", "--severity", "low,critical", "--rule", "TNT-AWS-EC2-001", plan}, wantCode: 2,
			wantStderr: []string{"no rules to run"}},
		{name: "examples-quiet", args: []string{"test", "-q", "test/examples/Dockerfile"}, wantCode: 1, golden: true},
		{name: "exit-zero", args: []string{"test", "--exit-zero", plan}, wantCode: 0, wantStdout: []string{"FAIL: 42 failures"}},
		// Everything left out: the error says by what, not that nothing was found.
		{name: "skip-path-all", args: []string{"test", "--skip-path", "*", "test/examples/plan.json"}, wantCode: 2,
			wantStderr: []string{"no input left in test/examples/plan.json: --skip-path * left out the one input found there"}},
		{name: "skip-path", args: []string{"test", "--skip-path", "*.yaml,terraform,policy", "-o", "json", "test/examples"}, wantCode: 1,
			wantStdout: []string{`"path": "test/examples/Dockerfile"`, `"path": "test/examples/plan.json"`, `"inputs": 2,`}},
		{name: "examples-dockerfile", args: []string{"test", "-o", "github", "test/examples/Dockerfile"}, wantCode: 1, golden: true},
		{name: "examples-kustomize", args: []string{"test", "-o", "github", "test/kustomize"}, wantCode: 1, golden: true},
		{name: "examples-helm", args: []string{"test", "-o", "github", "-f", "test/helm/web/values-prod.yaml", "--set", "redis.enabled=true", "test/helm/web"}, wantCode: 1, golden: true},
		{name: "helm-render-error", args: []string{"test", "test/e2e/testdata/helm/broken", "test/examples/Dockerfile"}, wantCode: 3,
			wantStderr: []string{"tenet: test/e2e/testdata/helm/broken: render: execution error at (broken/templates/deployment.yaml:1:3): host is required"},
			wantStdout: []string{"TNT-DKR-IMG-001"}},
		{name: "dockerfile-unknown-instruction", args: []string{"test", "pkg/loader/testdata/invalid/unknown.Dockerfile"}, wantCode: 3,
			wantStderr: []string{`tenet: pkg/loader/testdata/invalid/unknown.Dockerfile:3: unknown instruction "NOTANINSTRUCTION": docker build refuses the file (the other instructions were judged)`},
			wantStdout: []string{"TNT-DKR-IMG-001", "5 failures, 0 warnings, 0 unknown until apply, 1 input error"}},
		{name: "terraform-parse-var", args: []string{"parse", "--var", "encrypted=true", "test/e2e/testdata/terraform/vars"}, wantCode: 0,
			wantStdout: []string{`"format": "terraform"`, `"encrypted": true,`, `"encrypted": 9`}},
		{name: "terraform-var-flag", args: []string{"test", "--var", "encrypted=true", "test/e2e/testdata/terraform/vars"}, wantCode: 0},
		{name: "terraform-var-file", args: []string{"test", "--var-file", "test/e2e/testdata/terraform/vars/prod.tfvars", "test/e2e/testdata/terraform/vars"}, wantCode: 0},
		{name: "terraform-remote-module", args: []string{"test", "test/e2e/testdata/terraform/remote"}, wantCode: 0,
			wantStdout: []string{"NOT CHECKED test/e2e/testdata/terraform/remote/main.tf: module.vpc (line 1): remote module source"}},
		{
			name: "not-evaluated", args: []string{"test", "test/e2e/testdata/inputs/workflow.yml"}, wantCode: 0,
			wantStdout: []string{"NOT EVALUATED: 0 failures, 0 warnings, 0 unknown until apply, 0 input errors, 1 input not evaluated",
				"NOT CHECKED test/e2e/testdata/inputs/workflow.yml: plain YAML: no loaded rule reads it"},
		},
		{
			// A shard that no input hashes to checked nothing: not a pass.
			name: "empty-shard", args: []string{"test", "--shard", "0/50", "test/examples/plan.json"}, wantCode: 0,
			wantStdout: []string{"0 inputs", "NOT EVALUATED: 0 failures, 0 warnings, 0 unknown until apply, 0 input errors"},
		},
		{
			name: "not-evaluated-beside-evaluated", args: []string{"test", "-o", "json", clean, "test/e2e/testdata/inputs/workflow.yml"}, wantCode: 0,
			wantStdout: []string{`"status": "not_evaluated"`, `"not_evaluated": 1,`},
		},
		{name: "fail-on-unevaluated", args: []string{"test", "--fail-on-unevaluated", "test/e2e/testdata/inputs/workflow.yml"}, wantCode: 1, wantStdout: []string{"FAIL: 0 failures"}},
		{name: "no-builtins-no-policy", args: []string{"test", "--no-builtins", manifest}, wantCode: 2, wantStderr: []string{"tenet: no rules to run: --no-builtins leaves out the built-in bundles and no --policy was given"}},
		{name: "empty-policy-dir", args: []string{"test", "-p", "test/e2e/testdata/inputs", manifest}, wantCode: 2, wantStderr: []string{"tenet: test/e2e/testdata/inputs: no Rego policy found"}},
		{name: "two-outputs-on-stdout", args: []string{"test", "-o", "sarif", "-o", "json", plan}, wantCode: 2, wantStderr: []string{"tenet: -o sarif -o json: only one output can go to standard output"}},
		{name: "color-forced-over-no-color-env", args: []string{"test", "--color", clean}, wantCode: 0, wantStdout: []string{"\x1b[32mPASS\x1b[0m"}},
		{name: "color-contradiction", args: []string{"test", "--color", "--no-color", clean}, wantCode: 2, wantStderr: []string{"--color and --no-color contradict each other"}},
		{name: "docs-cronjob", args: []string{"test", "docs/examples/cronjob.yaml"}, wantCode: 0, wantStdout: []string{"PASS: 0 failures"}},
		{name: "docs-sharded-cronjob", args: []string{"test", "docs/examples/sharded-cronjob.yaml"}, wantCode: 0, wantStdout: []string{"PASS: 0 failures, 0 warnings, 0 unknown"}},
		{name: "parse-plan", args: []string{"parse", plan}, wantCode: 0, golden: true},
		{name: "parse-manifest", args: []string{"parse", manifest}, wantCode: 0, golden: true},
		// A directory is walked as test walks it: a JSON array of its
		// inputs (it was read as one .tf directory and refused).
		{name: "parse-directory", args: []string{"parse", "test/examples"}, wantCode: 0,
			wantStdout: []string{"[\n  {", `"path": "test/examples/Dockerfile"`, `"path": "test/examples/k8s.yaml"`, `"path": "test/examples/terraform"`}},
		{
			name: "bad-file-beside-good", args: []string{"test", truncated, plan}, wantCode: 3,
			wantStderr: []string{"tenet: test/e2e/testdata/inputs/truncated.json: invalid JSON: unexpected end of input"},
			wantStdout: []string{"TNT-AWS-S3-001", "Inputs not evaluated"},
		},
		{name: "stdin", args: []string{"test", "-"}, stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: nginx, securityContext: {privileged: true}}\n", wantCode: 1, wantStdout: []string{"Pod/p (-:1)"}},
		{name: "forced-yaml-manifest", args: []string{"test", "--input-format", "yaml", manifest}, wantCode: 1, wantStdout: []string{"2 resources", "TNT-K8S-POD-001"}},
		{name: "stdin-name", args: []string{"test", "--stdin-name", "deploy/pod.yaml", "-"}, stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: nginx, securityContext: {privileged: true}}\n", wantCode: 1, wantStdout: []string{"Pod/p (deploy/pod.yaml:1)"}},
		{name: "stdin-name-sarif", args: []string{"test", "-o", "sarif", "--stdin-name", "deploy/pod.yaml", "-"}, stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: nginx, securityContext: {privileged: true}}\n", wantCode: 1, wantStdout: []string{`"uri": "deploy/pod.yaml"`}},
		{name: "unknown-input-format", args: []string{"test", "--input-format", "hcl", plan}, wantCode: 2, wantStderr: []string{`unknown input format "hcl"`}},
		{name: "unknown-output-format", args: []string{"test", "-o", "pdf", plan}, wantCode: 2, wantStderr: []string{`unknown output format "pdf"`}},
		{name: "unknown-framework", args: []string{"test", "--framework", "iso27001", plan}, wantCode: 2, wantStderr: []string{`no loaded rule maps to framework "iso27001"`}},
		{name: "bad-flag", args: []string{"test", "--nope", plan}, wantCode: 2, wantStderr: []string{"unknown flag: --nope"}},
		{name: "no-such-file", args: []string{"test", "nope.json"}, wantCode: 3, wantStderr: []string{"nope.json: stat: no such file or directory"}},
		{name: "network-policy", args: []string{"test", "-p", "test/e2e/testdata/policy-network", plan}, wantCode: 2, wantStderr: []string{"exfiltrate.rego:7", "undefined function http.send", "--allow-builtin http.send"}},
		{name: "eval-timeout", args: []string{"test", "--no-builtins", "-p", "test/e2e/testdata/policy-slow", "--eval-timeout", "200ms", plan, manifest}, wantCode: 3, wantStderr: []string{"test/examples/plan.json: evaluation stopped after 200ms", "test/examples/k8s.yaml: evaluation stopped after 200ms"}, wantStdout: []string{"INCOMPLETE"}},
		{name: "run-timeout", args: []string{"test", "--no-builtins", "-p", "test/e2e/testdata/policy-slow", "--eval-timeout", "0", "--timeout", "300ms", plan}, wantCode: 3, wantStderr: []string{"test/examples/plan.json: not evaluated: the run's time limit (300ms) was reached"}},
		{name: "max-file-size", args: []string{"test", "--max-file-size", "2000", plan, manifest}, wantCode: 3, wantStderr: []string{"test/examples/plan.json: file is larger than the size limit (--max-file-size) (2000 bytes; the file has"}, wantStdout: []string{"TNT-K8S-POD-001"}},
		{name: "max-file-size-helm", args: []string{"test", "--max-file-size", "1000", "test/helm/web"}, wantCode: 3,
			wantStderr: []string{"tenet: test/helm/web/templates/deployment.yaml: file is larger than the size limit (--max-file-size) (1000 bytes; the file has 1105)"}},
		{name: "max-file-size-kustomize", args: []string{"test", "--max-file-size", "500", "test/kustomize/overlays/prod"}, wantCode: 3,
			wantStderr: []string{"tenet: test/kustomize/overlays/prod/harden.yaml: file is larger than the size limit (--max-file-size) (500 bytes; the file has 589)"}},
		{name: "broken-policy", args: []string{"test", "-p", "test/e2e/testdata/policy-broken", plan}, wantCode: 2, wantStderr: []string{"broken.rego:7", "rego_parse_error"}},
		{
			name: "conftest-policy", args: []string{"test", "--no-builtins", "-p", "test/e2e/testdata/policy-conftest", manifest}, wantCode: 1,
			wantStdout: []string{"main.deny", "Deployment debug must set runAsNonRoot"},
		},
		{
			name: "conftest-exception", args: []string{"test", "--no-builtins", "-p", "test/e2e/testdata/policy-exception", "-o", "json", manifest}, wantCode: 0,
			wantStdout: []string{`"rule_id": "main.deny_run_as_root"`, `"source": "data.main.exception"`, `"waived": 1`},
		},
		{
			name: "namespace-matching-nothing", args: []string{"test", "--no-builtins", "-p", "test/e2e/testdata/policy-conftest", "--namespace", "k8s.*", manifest}, wantCode: 2,
			wantStderr: []string{`namespace "k8s.*" matches no package with deny, warn or violation rules (the policies have them in main)`},
		},
		{name: "namespace-bad-pattern", args: []string{"test", "-p", "test/e2e/testdata/policy-conftest", "--namespace", "[", manifest}, wantCode: 2, wantStderr: []string{`namespace "[": syntax error in pattern`}},
		{
			name: "package-across-bundles", args: []string{"test", "--no-builtins", "-p", "test/e2e/testdata/policy-exception", "-p", "test/e2e/testdata/policy-conftest", "-o", "json", manifest}, wantCode: 1,
			wantStdout: []string{`"bundle": "policy-conftest",` + "\n" + `        "file": "test/e2e/testdata/policy-conftest/deployment.rego"`, `"bundle": "policy-exception",` + "\n" + `        "file": "test/e2e/testdata/policy-exception/root.rego"`},
		},
		{name: "verify-exception-policy", args: []string{"verify", "--no-builtins", "-p", "test/e2e/testdata/policy-exception"}, wantCode: 0, wantStdout: []string{"3 passed"}},
		{name: "fail-on-warn-unknown", args: []string{"test", "--framework", "cis-aws", "--unknown", "fail", clean}, wantCode: 0},
		{name: "verify-builtins", args: []string{"verify"}, wantCode: 0, wantStdout: []string{" 0 failed, 0 errors", "coverage"}},
		{name: "verify-custom", args: []string{"verify", "--no-builtins", "-p", "test/e2e/testdata/policy-conftest", "-v"}, wantCode: 0, golden: true},
		{
			name: "verify-failing", args: []string{"verify", "--no-builtins", "-p", "test/e2e/testdata/policy-failing-test"}, wantCode: 1,
			wantStdout: []string{"FAIL  data.main_test.test_wrong_expectation (test/e2e/testdata/policy-failing-test/labels_test.rego:12)", "1 passed, 1 failed"},
		},
		{name: "verify-example-policy", args: []string{"verify", "--no-builtins", "-p", "test/examples/policy", "-v"}, wantCode: 0, golden: true},
		{name: "example-policy", args: []string{"test", "--no-builtins", "-p", "test/examples/policy", plan}, wantCode: 0, golden: true},
		{name: "waivers-table", args: []string{"test", "--waivers", "test/examples/waivers.yaml", plan, manifest}, wantCode: 1, golden: true},
		{name: "waivers-sarif", args: []string{"test", "-o", "sarif", "--waivers", "test/examples/waivers.yaml", plan}, wantCode: 1, wantStdout: []string{`"suppressions"`, `"justification": "CloudWatch alarms are managed by the central security account"`}},
		{name: "waivers-broad-refused", args: []string{"test", "--waivers", "test/e2e/testdata/waivers/all.yaml", plan, manifest}, wantCode: 2,
			wantStderr: []string{`tenet: test/e2e/testdata/waivers/all.yaml:2: broad waiver refused: rule "*" starts with a wildcard`}},
		{name: "waivers-broad-allowed", args: []string{"test", "--allow-broad-waivers", "--waivers", "test/e2e/testdata/waivers/all.yaml", plan, manifest}, wantCode: 0,
			wantStdout: []string{"PASS: 0 failures", "waived (1 broad waiver in force)", "BROAD    * (test/e2e/testdata/waivers/all.yaml:2): in force"},
			wantStderr: []string{"tenet: warning: broad waiver * (test/e2e/testdata/waivers/all.yaml:2): in force"}},
		{name: "waivers-stale", args: []string{"test", "--waivers", "test/e2e/testdata/waivers/stale.yaml", clean}, wantCode: 0, wantStdout: []string{"STALE", "aws_s3_bucket.gone"}},
		{name: "waivers-stale-fail", args: []string{"test", "--fail-on-stale-waivers", "--waivers", "test/e2e/testdata/waivers/stale.yaml", clean}, wantCode: 1},
		{name: "waivers-bad", args: []string{"test", "--waivers", "test/e2e/testdata/waivers/bad.yaml", plan}, wantCode: 2, wantStderr: []string{`tenet: test/e2e/testdata/waivers/bad.yaml:4: expires "2027-13-01" is not a date`}},
		{name: "waivers-missing", args: []string{"test", "--waivers", "nope.yaml", plan}, wantCode: 2, wantStderr: []string{"waivers: open nope.yaml"}},
		{name: "waiver-annotation-broad", args: []string{"test", "test/e2e/testdata/inputs/self-waived.yaml"}, wantCode: 1, golden: true,
			wantStderr: []string{"tenet: warning: refused waiver * on ci/Pod/miner (test/e2e/testdata/inputs/self-waived.yaml:3): not applied"}},
		{name: "waiver-annotation-broad-allowed", args: []string{"test", "-o", "json", "--allow-broad-waivers", "test/e2e/testdata/inputs/self-waived.yaml"}, wantCode: 0,
			wantStdout: []string{`"state": "active"`, `"broad": true`}, wantStderr: []string{"tenet: warning: broad waiver * on ci/Pod/miner"}},
		{name: "waiver-annotation-off", args: []string{"test", "-o", "json", "--no-annotation-waivers", "test/e2e/testdata/inputs/annotated.yaml"}, wantCode: 1,
			wantStdout: []string{`"state": "refused"`, `"note": "annotation waivers are turned off (--no-annotation-waivers)"`},
			wantStderr: []string{"tenet: warning: refused waiver TNT-K8S-POD-* on ops/Pod/node-debugger (test/e2e/testdata/inputs/annotated.yaml:1): not applied, annotation waivers are turned off"}},
		{name: "waiver-annotation", args: []string{"test", "-o", "json", "test/e2e/testdata/inputs/annotated.yaml"}, wantCode: 0, wantStdout: []string{`"source": "test/e2e/testdata/inputs/annotated.yaml:1"`, `"state": "active"`, `"ticket": "INC-4711"`}},
		{name: "frameworks", args: []string{"frameworks", "-o", "json"}, wantCode: 0, wantStdout: []string{`"id": "nist-800-53-r5"`, `"covered"`}},
		{name: "rules-filtered", args: []string{"rules", "--target", "kubernetes", "--severity", "high", "-o", "json"}, wantCode: 0, wantStdout: []string{"TNT-K8S-POD-001"}},
		// A target no rule selects is refused, as an unknown framework is,
		// rather than listed as no rules.
		{name: "rules-unknown-target", args: []string{"rules", "--target", "foo"}, wantCode: 2,
			wantStderr: []string{`--target "foo": no loaded rule selects it (the rules select dockerfile, kubernetes, terraform)`}},
		{name: "rules", args: []string{"rules"}, wantCode: 0, wantStdout: []string{"TNT-AWS-S3-001", "TNT-K8S-POD-001"}},
		{name: "version", args: []string{"version"}, wantCode: 0, wantStdout: []string{"tenet test", "opa v1.22"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := run(t, tc.stdin, tc.args...)
			if got.code != tc.wantCode {
				t.Errorf("exit code = %d, want %d\nstderr: %s", got.code, tc.wantCode, got.stderr)
			}
			if tc.golden {
				golden.Assert(t, tc.name, []byte(got.stdout))
			}
			for _, s := range tc.wantStderr {
				if !strings.Contains(got.stderr, s) {
					t.Errorf("stderr %q does not contain %q", got.stderr, s)
				}
			}
			for _, s := range tc.wantStdout {
				if !strings.Contains(got.stdout, s) {
					t.Errorf("stdout does not contain %q:\n%s", s, got.stdout)
				}
			}
			if strings.Contains(got.stderr, "internal error") || strings.Contains(got.stderr, "panic") {
				t.Errorf("crash: %s", got.stderr)
			}
			if got.code == 2 && strings.Count(got.stderr, "\n") != 1 {
				t.Errorf("a usage or policy error must be one line, got:\n%s", got.stderr)
			}
			if got.code == 0 || got.code == 1 {
				if got.stderr != "" && len(tc.wantStderr) == 0 {
					t.Errorf("unexpected stderr: %s", got.stderr)
				}
			}
		})
	}
}

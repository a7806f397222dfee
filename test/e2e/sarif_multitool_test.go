package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// multitool finds Microsoft's SARIF Multitool: TENET_SARIF_MULTITOOL (set
// by make), else the one make installs into bin/; skips when there is none.
func multitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TENET_SARIF_MULTITOOL"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	matches, _ := filepath.Glob(filepath.Join(repoRoot, "bin", "sarif-multitool-*", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"))
	if len(matches) > 0 {
		abs, err := filepath.Abs(matches[len(matches)-1])
		if err == nil {
			return abs
		}
	}
	t.Skip("the SARIF Multitool is not installed (make sarif-multitool installs it with npm)")
	return ""
}

// TestSARIFMultitool validates the SARIF tenet writes with the Multitool's
// SARIF and GitHub rules (the ones GitHub code scanning applies on upload):
// no result of level error or warning may remain. The notes left (message
// ids instead of text, no code snippets, no version control provenance,
// rule ids not of the form AB1234) are advice that does not apply here.
func TestSARIFMultitool(t *testing.T) {
	tool := multitool(t)
	cases := map[string][]string{
		"examples":         {"test", "test/examples/plan.json", "test/examples/k8s.yaml", "test/examples/stack.yaml"},
		"terraform dirs":   {"test", "test/examples/terraform", "test/e2e/testdata/terraform/remote", "--terraform-dir", "test/examples/terraform", "test/examples/plan.json"},
		"containers":       {"test", "test/examples/Dockerfile", "test/kustomize", "test/helm/web"},
		"waivers":          {"test", "--waivers", "test/examples/waivers.yaml", "test/examples/plan.json"},
		"not evaluated":    {"test", "test/e2e/testdata/inputs/truncated.json", "test/e2e/testdata/inputs/workflow.yml", "test/examples/plan.json"},
		"conftest":         {"test", "--no-builtins", "-p", "test/e2e/testdata/policy-conftest", "test/examples/k8s.yaml"},
		"absolute outside": {"test", "--base-path", "test", "test/examples/plan.json", "README.md"},
	}
	if _, err := os.Stat(filepath.Join(repoRoot, sharedData)); err == nil {
		cases["shared data"] = []string{"test", sharedData}
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.sarif")
			got := run(t, "", append(args, "-o", "sarif="+out)...)
			if got.code == 2 {
				t.Fatalf("tenet: %s", got.stderr)
			}
			for _, p := range multitoolProblems(t, tool, out) {
				t.Error(p)
			}
		})
	}
}

// multitoolProblems runs the Multitool's validate on a SARIF file and
// returns its error- and warning-level results, one line each.
func multitoolProblems(t *testing.T, tool, file string) []string {
	t.Helper()
	log := filepath.Join(t.TempDir(), "validation.sarif")
	config, err := filepath.Abs(filepath.Join("testdata", "sarif-multitool.xml"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning;Note", "--config", config, "--output", log, file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Sarif.Multitool validate: %v\n%s", err, out)
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("the Multitool's log: %v", err)
	}
	var out []string
	for _, r := range v.Runs {
		for _, res := range r.Results {
			if res.Level == "error" || res.Level == "warning" || res.Level == "" {
				out = append(out, res.RuleID+" "+res.Level+": "+headLine(res.Message.Text))
			}
		}
		for _, inv := range r.Invocations {
			for _, n := range inv.ToolExecutionNotifications {
				if n.Level == "error" {
					out = append(out, "Multitool error: "+headLine(n.Message.Text))
				}
			}
		}
	}
	return out
}

func headLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestJUnitXmllint validates the JUnit that tenet writes, in both shapes,
// with xmllint (libxml2, which make installs where it can) against the
// schema of Jenkins' xUnit plugin, on the examples and on ../shared/data.
func TestJUnitXmllint(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (Debian package libxml2-utils; make installs it where it can)")
	}
	schema := filepath.Join(repoRoot, "../shared/schemas", junitSchema)
	if _, err := os.Stat(schema); err != nil {
		t.Skip("the JUnit schema in ../shared/schemas is not present")
	}
	inputs := []string{"test/examples/plan.json", "test/examples/k8s.yaml", "test/examples/stack.yaml", "test/e2e/testdata/inputs/truncated.json", "test/e2e/testdata/inputs/workflow.yml",
		"test/examples/terraform", "test/e2e/testdata/terraform/remote", "test/examples/Dockerfile", "test/kustomize", "test/helm/web"}
	if _, err := os.Stat(filepath.Join(repoRoot, sharedData)); err == nil {
		inputs = append(inputs, sharedData)
	}
	for _, shape := range []string{"input", "control"} {
		t.Run(shape, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "junit.xml")
			got := run(t, "", append([]string{"test", "--junit-suites", shape, "-o", "junit=" + out}, inputs...)...)
			if got.code == 2 {
				t.Fatalf("tenet: %s", got.stderr)
			}
			cmd := exec.Command(xmllint, "--noout", "--schema", schema, out)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("xmllint: %v\n%s", err, msg)
			}
		})
	}
}

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// typoPolicy maps a custom rule to a framework key with a typo and to a
// NIST control that does not exist.
const typoPolicy = `# METADATA
# title: Buckets carry an owner tag
# scope: package
# custom:
#   id: ACME-TAG-001
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#   controls:
#     cis-aws-3.0: ["2.1.1"]
#     nist-800-53-r5: ["AC-99", "SC-28"]
package acme.owner_tag

import rego.v1

deny contains msg if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	not r.values.tags.owner
	msg := sprintf("%s has no owner", [r.address])
}
`

// TestControlMappingTypo: a typo in a rule's control mapping stops every
// command that loads policies with exit 2 and the same one line, naming
// the rule, its file and the bad key and id. Before, `test` reported a
// framework "cis-aws-3.0" at 100% coverage and 1008 NIST controls, while
// `frameworks` said 1007.
func TestControlMappingTypo(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.rego"), []byte(typoPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	plan, err := filepath.Abs(filepath.Join(repoRoot, "test/examples/plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	const want = `tenet: x.rego: rule ACME-TAG-001: custom.controls: unknown framework "cis-aws-3.0" (did you mean "cis-aws-3.0.0"?); control "AC-99" is not in the nist-800-53-r5 catalog` + "\n"
	for name, args := range map[string][]string{
		"test":              {"test", "-p", "x.rego", plan},
		"test no-builtins":  {"test", "--no-builtins", "-p", "x.rego", plan},
		"test framework":    {"test", "--framework", "hipaa", "-p", "x.rego", plan},
		"test json":         {"test", "-o", "json", "-p", "x.rego", plan},
		"rules":             {"rules", "-p", "x.rego"},
		"frameworks":        {"frameworks", "--no-builtins", "-p", "x.rego"},
		"verify":            {"verify", "--no-builtins", "-p", "x.rego"},
		"verify with built": {"verify", "-p", "x.rego"},
	} {
		t.Run(name, func(t *testing.T) {
			res := runIn(t, dir, "", args...)
			if res.code != 2 || res.stderr != want || res.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr\n got %q\nwant %q", res.code, truncate(res.stdout, 200), res.stderr, want)
			}
		})
	}
}

// TestControlMappingExamplePolicy: a correct mapping of a custom rule still
// loads, and `test` and `frameworks` count its framework's controls alike.
func TestControlMappingExamplePolicy(t *testing.T) {
	res := run(t, "", "frameworks", "--no-builtins", "-p", "test/examples/policy")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	line := ""
	for l := range strings.SplitSeq(res.stdout, "\n") {
		if strings.HasPrefix(l, "soc2-2017 ") {
			line = l
		}
	}
	if f := strings.Fields(line); len(f) < 4 || f[len(f)-4] != "61" || f[len(f)-3] != "1" {
		t.Errorf("frameworks: soc2-2017 line %q, want 61 controls, 1 covered", line)
	}
	res = run(t, "", "test", "--no-builtins", "--framework", "soc2-2017", "-o", "json", "-p", "test/examples/policy", "test/examples/plan.json")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if !strings.Contains(res.stdout, `"covered": 1`) || strings.Count(res.stdout, `"status": "not_covered"`) != 60 {
		t.Errorf("test: soc2-2017 should have 61 controls, 1 covered")
	}
}

// truncate keeps the start of a long output for a failure message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

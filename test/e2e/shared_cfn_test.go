package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSharedTemplates runs every CloudFormation template of ../shared
// through every format the consumers read (SARIF, OSCAL and JSON against
// their schemas, JUnit against its XSD, HTML): each is read as a template,
// with no input error (a nested stack whose template is not on disk is an
// input of its own, not evaluated), and every finding points at a line.
func TestSharedTemplates(t *testing.T) {
	for _, file := range sharedFiles(t, "cloudformation") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			got := runForConsumers(t, file)
			var rep struct {
				Inputs []struct {
					Format string `json:"format"`
					Status string `json:"status"`
				} `json:"inputs"`
				Errors   []struct{ Message string } `json:"errors"`
				Findings []struct {
					RuleID   string `json:"rule_id"`
					Resource string `json:"resource"`
					Line     int    `json:"line"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			if len(rep.Errors) > 0 || len(rep.Inputs) == 0 || rep.Inputs[0].Format != "cloudformation" {
				t.Fatalf("inputs %+v, errors %+v", rep.Inputs, rep.Errors)
			}
			for _, in := range rep.Inputs[1:] { // nested stacks not on disk
				if in.Status != "not_evaluated" {
					t.Errorf("an input beside the template: %+v", in)
				}
			}
			for _, f := range rep.Findings {
				if f.Line == 0 {
					t.Errorf("%s on %s has no line", f.RuleID, f.Resource)
				}
			}
		})
	}
}

// runForConsumers runs tenet test on args writing every format the
// consumers read (SARIF, OSCAL, JUnit, HTML, and JSON on standard output),
// checks the exit code is 0 or 1 and validates each file as its consumer
// does: the SARIF and OSCAL schemas, the JUnit XSD, the HTML checks.
func runForConsumers(t *testing.T, args ...string) runResult {
	t.Helper()
	return runForConsumersExit(t, []int{0, 1}, args...)
}

// runForConsumersExit is runForConsumers accepting the exit codes ok.
func runForConsumersExit(t *testing.T, ok []int, args ...string) runResult {
	t.Helper()
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	got := run(t, "", append([]string{"test", "-o", "json", "-o", "sarif=" + out("out.sarif"), "-o", "oscal=" + out("out.oscal.json"),
		"-o", "junit=" + out("out.xml"), "-o", "html=" + out("out.html")}, args...)...)
	if !slices.Contains(ok, got.code) {
		t.Fatalf("exit code %d\nstderr: %s", got.code, got.stderr)
	}
	validateFile(t, schemaFile(t, "sarif-schema-2.1.0.json"), out("out.sarif"))
	validateFile(t, schemaFile(t, "oscal_complete_schema-1-1-3.json"), out("out.oscal.json"))
	validateXMLFile(t, out("out.xml"))
	checkHTMLFile(t, out("out.html"))
	return got
}

// TestNewInputsForConsumers feeds the inputs added by issues 17 and 18 (a
// .tf directory, a plan located in it, Dockerfiles, a Kustomize overlay, a
// Helm chart) to every consumer's validator; every finding has a file and,
// except on Helm templates with several objects of one kind, a line.
func TestNewInputsForConsumers(t *testing.T) {
	cases := map[string][]string{
		"terraform dir": {"test/examples/terraform"},
		"plan located":  {"--terraform-dir", "test/examples/terraform", "test/examples/plan.json"},
		"dockerfile":    {"test/examples/Dockerfile"},
		"kustomize":     {"test/kustomize/overlays/prod"},
		"helm":          {"-f", "test/helm/web/values-prod.yaml", "--set", "redis.enabled=true", "test/helm/web"},
		"shared docker": {"../shared/data/docker"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			if name == "shared docker" {
				if _, err := os.Stat(filepath.Join(repoRoot, "../shared/data/docker")); err != nil {
					t.Skip("../shared/data/docker is not present")
				}
			}
			// The shared checkov file with a stray "~" is an input error
			// (exit 3); the other Dockerfiles are still reported.
			got := runForConsumersExit(t, []int{0, 1, 3}, args...)
			var rep struct {
				Findings []struct {
					RuleID, Resource, File string
					Line                   int
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Findings) == 0 {
				t.Fatal("no finding: the example has deliberate gaps")
			}
			for _, f := range rep.Findings {
				if f.File == "" || f.Line == 0 {
					t.Errorf("%s on %s points at %s:%d", f.RuleID, f.Resource, f.File, f.Line)
				}
			}
		})
	}
}

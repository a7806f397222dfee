package e2e

import (
	"encoding/json"
	"path/filepath"
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
			dir := t.TempDir()
			out := func(name string) string { return filepath.Join(dir, name) }
			got := run(t, "", "test", "-o", "json", "-o", "sarif="+out("out.sarif"), "-o", "oscal="+out("out.oscal.json"),
				"-o", "junit="+out("out.xml"), "-o", "html="+out("out.html"), file)
			if got.code != 0 && got.code != 1 {
				t.Fatalf("exit code %d\nstderr: %s", got.code, got.stderr)
			}
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
			validateFile(t, schemaFile(t, "sarif-schema-2.1.0.json"), out("out.sarif"))
			validateFile(t, schemaFile(t, "oscal_complete_schema-1-1-3.json"), out("out.oscal.json"))
			validateXMLFile(t, out("out.xml"))
			checkHTMLFile(t, out("out.html"))
		})
	}
}

package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// TestJUnitByInputKeepsFindingsOutsideInputs: conftest --combine findings
// are located in "Combined", which is no input; grouped by input, the
// failure must still be there.
func TestJUnitByInputKeepsFindingsOutsideInputs(t *testing.T) {
	res := sample()
	res.Findings = append(res.Findings, finding.Finding{RuleID: "main.warn", Kind: finding.KindWarn, Message: "duplicate name a", File: "Combined"})
	var buf bytes.Buffer
	if err := (report.JUnit{ByInput: true}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<testsuite name="Combined"`, "duplicate name a"} {
		if !strings.Contains(out, want) {
			t.Errorf("junit by input lacks %q:\n%s", want, out)
		}
	}
}

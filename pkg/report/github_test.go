package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// TestGitHubCommandsEscaped: text from the inputs (a message, a file name)
// must not end a workflow command early or start another one: a line break
// in a message is %0A, and a comma or colon in a property is escaped.
func TestGitHubCommandsEscaped(t *testing.T) {
	res := sample()
	res.Errors, res.Inputs = nil, nil
	res.Findings = []finding.Finding{{RuleID: "main.deny", Kind: finding.KindDeny, File: "a,b:c.yaml", Line: 7,
		Message: "bad\n::error file=x::forged 100%"}}
	var buf bytes.Buffer
	if err := (report.GitHub{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := "::error file=a%2Cb%3Ac.yaml,line=7,title=main.deny::bad%0A::error file=x::forged 100%25"
	if lines[0] != want {
		t.Errorf("got  %s\nwant %s", lines[0], want)
	}
	if len(lines) != 2 {
		t.Errorf("%d lines, want the command and the verdict:\n%s", len(lines), buf.String())
	}
}

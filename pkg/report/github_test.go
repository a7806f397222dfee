package report_test

import (
	"bytes"
	"encoding/json"
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

// TestBriefJSON: the json report of the 14-resource examples was 1.4 MB;
// brief leaves out the verbose parts and is still a valid tenet.report/v1
// (TestSchemaValidBrief); every control keeps an evidence array.
func TestBriefJSON(t *testing.T) {
	var full, short bytes.Buffer
	if err := (report.JSON{}).Write(&full, sample()); err != nil {
		t.Fatal(err)
	}
	if err := (report.JSON{Brief: true}).Write(&short, sample()); err != nil {
		t.Fatal(err)
	}
	if short.Len() >= full.Len() {
		t.Errorf("brief is %d bytes, full %d", short.Len(), full.Len())
	}
	for _, cut := range []string{`"remediation"`, `"status": "not_covered"`} {
		if !strings.Contains(full.String(), cut) || strings.Contains(short.String(), cut) {
			t.Errorf("%s: in full %v, in brief %v", cut, strings.Contains(full.String(), cut), strings.Contains(short.String(), cut))
		}
	}
	var doc struct {
		Frameworks []struct {
			Controls []map[string]any `json:"controls"`
		} `json:"frameworks"`
	}
	for _, b := range []*bytes.Buffer{&full, &short} {
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		for _, fw := range doc.Frameworks {
			for _, c := range fw.Controls {
				if _, ok := c["evidence"].([]any); !ok {
					t.Errorf("control %v: evidence is %v, not an array", c["id"], c["evidence"])
				}
			}
		}
	}
}

package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// TestMarkdownFitsAComment: GitHub refuses comments over 65,536
// characters, and the markdown of the 14-resource examples was 90,674. The
// report keeps the summary, the failures first, and says what it left out.
func TestMarkdownFitsAComment(t *testing.T) {
	res := sample()
	for i := range 5000 {
		f := finding.Finding{RuleID: "TST-A-001", Kind: finding.KindDeny, Resource: fmt.Sprintf("aws_s3_bucket.b%04d", i), File: "plan.json", Message: "not encrypted"}
		if i%2 == 0 {
			f.Kind = finding.KindUnknown
		}
		res.Findings = append(res.Findings, f)
	}
	var buf bytes.Buffer
	if err := (report.Markdown{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := utf8.RuneCountInString(out); n > 65536 {
		t.Fatalf("%d characters, over GitHub's 65,536", n)
	}
	for _, want := range []string{"❌ **tenet: fail**", "| framework | coverage |", "**Inputs not evaluated**", "_Left out to fit a pull-request comment: ", "aws_s3_bucket.b0001"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the comment", want)
		}
	}
	// Failures come before unknowns: every failure that fits is shown
	// before the first unknown.
	if i, j := strings.Index(out, "❔ unknown | TST-A-001"), strings.LastIndex(out, "❌ fail | TST-A-001"); i >= 0 && i < j {
		t.Error("an unknown is listed before a failure")
	}
}

// TestTableFoldsIdleFrameworks: a Kubernetes-only run listed all 12
// frameworks, most with nothing but n/a and not covered; those share one
// line, unless chosen with --framework (Controls).
func TestTableFoldsIdleFrameworks(t *testing.T) {
	res := sample()
	res.Frameworks = append(res.Frameworks, finding.Framework{ID: "cis-gcp-3.0.0", Controls: make([]finding.Control, 3),
		Counts: map[finding.Status]int{finding.StatusNotApplicable: 1, finding.StatusNotCovered: 2}})
	for _, controls := range []bool{false, true} {
		var buf bytes.Buffer
		if err := (report.Table{Controls: controls}).Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		folded := strings.Contains(buf.String(), "1 framework with nothing to check in these inputs: cis-gcp-3.0.0")
		row := strings.Contains(buf.String(), "\ncis-gcp-3.0.0 ")
		if folded == controls || row != controls {
			t.Errorf("controls %v: folded %v, own row %v\n%s", controls, folded, row, buf.String())
		}
	}
}

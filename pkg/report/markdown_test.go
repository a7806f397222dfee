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

package report_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/test/htmlcheck"
)

// TestHTMLPage checks what the golden file cannot show at a glance: the
// page is well formed and self-contained, every in-page link resolves,
// text from the inputs is escaped, and a failing control links to the
// finding that broke it.
func TestHTMLPage(t *testing.T) {
	res := sample()
	res.Findings[1].Message = `<script>alert("x")</script> & "quotes"`
	res.Inputs[0].Path = `plan<b>.json`
	tests := []struct {
		name string
		opts report.Options
	}{
		{name: "plain"},
		{name: "trend", opts: report.Options{Timestamp: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), History: history()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := report.New("html", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.Write(&buf, res); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			for _, err := range htmlcheck.Check(strings.NewReader(page)) {
				t.Error(err)
			}
			for _, bad := range []string{`<script>alert`, `plan<b>.json`, "ZgotmplZ"} {
				if strings.Contains(page, bad) {
					t.Errorf("page contains %q unescaped", bad)
				}
			}
			// Control SC-28 fails on aws_s3_bucket.b: its evidence links
			// to the finding's row, which sits under the rule's fix.
			fp := res.Findings[1].Fingerprint
			for _, want := range []string{
				`id="c-nist-800-53-r5-SC-28" data-status="fail"`,
				`<a href="#f-` + fp + `"><code>aws_s3_bucket.b</code></a>`,
				`<tr id="f-` + fp + `" data-status="fail">`,
				`<p class="fix"><strong>How to fix:</strong> Fix TST-A-001.</p>`,
				`<span class="b w-expired">expired</span>`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			// Without JavaScript everything shows: only the filter bars,
			// which need the script, start hidden.
			if hidden, bars := strings.Count(page, " hidden>"), strings.Count(page, `class="filters"`); hidden != bars {
				t.Errorf("%d hidden elements, want only the %d filter bars", hidden, bars)
			}
			if got := strings.Contains(page, "<svg"); got != (tc.opts.History != nil) {
				t.Errorf("trend chart drawn = %v, want %v", got, tc.opts.History != nil)
			}
		})
	}
}

// TestHTMLAnchors checks that control ids with any characters give
// distinct, fragment-safe anchors.
func TestHTMLAnchors(t *testing.T) {
	rules := []finding.RuleResult{{Rule: rule("TST-A-001", finding.SeverityHigh, map[string][]string{
		"hipaa": {"164.312(a)(2)(iv)", "164.312_28a_29(2)(iv)"},
		"gdpr":  {"Art. 32(1)(a)", "Art._2032(1)(a)"},
	}), Status: finding.StatusPass, Checked: 1, Passed: 1}}
	res := &finding.Result{Tool: finding.Tool{Name: "tenet", Version: "test"}, Rules: rules, Frameworks: report.Frameworks(rules, nil, nil)}
	var buf bytes.Buffer
	if err := (report.HTML{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	for _, err := range htmlcheck.Check(&buf) {
		t.Error(err)
	}
}

// large is a result the size of a big scan: 200 rules over a catalog of
// 1,007 controls (most not covered) and a second framework, and 3,000
// findings.
func large() *finding.Result {
	info := map[string]report.FrameworkInfo{"nist-800-53-r5": {Title: "NIST", Controls: map[string]string{}}, "soc2-2017": {Title: "SOC 2"}}
	for i := range 1007 {
		info["nist-800-53-r5"].Controls[fmt.Sprintf("XX-%d", i)] = fmt.Sprintf("Control %d", i)
	}
	var rules []finding.RuleResult
	var findings []finding.Finding
	for r := range 200 {
		id := fmt.Sprintf("TST-B-%03d", r)
		controls := map[string][]string{"nist-800-53-r5": {fmt.Sprintf("XX-%d", r%60), fmt.Sprintf("XX-%d", r%60+60)}, "soc2-2017": {fmt.Sprintf("CC%d", r%8)}}
		rr := finding.RuleResult{Rule: rule(id, finding.SeverityMedium, controls), Status: finding.StatusPass, Checked: 40, Passed: 40}
		if r%3 == 0 {
			rr.Status, rr.Failed, rr.Passed = finding.StatusFail, 15, 25
			for i := range 15 {
				f := finding.Finding{RuleID: id, Kind: finding.KindDeny, Severity: finding.SeverityMedium, Message: "broken " + id,
					Resource: fmt.Sprintf("aws_s3_bucket.b%d", i), File: fmt.Sprintf("plan%d.json", r%10), Line: i + 1}
				f.Fingerprint = finding.Fingerprint(f, f.File)
				findings = append(findings, f)
			}
		}
		rules = append(rules, rr)
	}
	for len(findings) < 3000 {
		f := findings[len(findings)%1000]
		f.Attribute = fmt.Sprintf("a%d", len(findings))
		f.Fingerprint = finding.Fingerprint(f, f.File)
		findings = append(findings, f)
	}
	return &finding.Result{Tool: finding.Tool{Name: "tenet", Version: "test"}, Rules: rules, Findings: findings,
		Frameworks: report.Frameworks(rules, findings, info), Summary: finding.Summary{Deny: len(findings), Failed: true}}
}

func TestHTMLLarge(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.HTML{}).Write(&buf, large()); err != nil {
		t.Fatal(err)
	}
	for _, err := range htmlcheck.Check(&buf) {
		t.Error(err)
	}
}

func BenchmarkHTML(b *testing.B) {
	res := large()
	var n int
	for b.Loop() {
		var buf bytes.Buffer
		if err := (report.HTML{}).Write(&buf, res); err != nil {
			b.Fatal(err)
		}
		n = buf.Len()
	}
	b.ReportMetric(float64(n), "bytes/page")
}

// TestHTMLParallel: the controls and rules rendered on every core
// (prerender) make the page they make on one, byte for byte, on a report
// of 700 controls a framework and many findings a rule.
func TestHTMLParallel(t *testing.T) {
	res := largeResult(300, func(int) []finding.Evidence { return nil })
	write := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		r, err := report.New("html", report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	one := write(1)
	if n := strings.Count(one, `<li class="ctl"`); n < 700 {
		t.Fatalf("%d controls on the page: the test checks too little", n)
	}
	if many := write(5); many != one {
		t.Error("the page rendered on five cores differs from the page rendered on one")
	}
}

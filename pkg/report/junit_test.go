package report_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

type junitDoc struct {
	Suites []struct {
		Name  string `xml:"name,attr"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnitConsumers: GitLab keeps only the first of test cases with the
// same (classname, name), so 578 failures showed as 565; Jenkins splits the
// class name at its last dot, so "hipaa.164.312(a)(1)" showed as package
// "hipaa.164"; and one case per failing resource and control made a
// 20,000-resource plan a 170 MB file (GitLab reads 30 MB).
func TestJUnitConsumers(t *testing.T) {
	rule := finding.Rule{ID: "TST-A-001", Title: "Buckets are encrypted", Severity: finding.SeverityHigh,
		Controls: map[string][]string{"hipaa": {"164.312(a)(1)", "164.312(e)(2)(ii)"}, "nist-800-53-r5": {"SC-28"}}}
	const n = 20000
	res := &finding.Result{Tool: finding.Tool{Name: "tenet", Version: "test"},
		Inputs: []finding.Input{{Path: "infra/plan.json", Format: "terraform-plan", Resources: n, Status: finding.InputEvaluated, Checked: map[string]int{rule.ID: n}}}}
	for i := range n {
		res.Findings = append(res.Findings, finding.Finding{RuleID: rule.ID, Kind: finding.KindDeny, Resource: fmt.Sprintf("aws_s3_bucket.b%05d", i), File: "infra/plan.json", Message: "not encrypted"})
	}
	res.Rules = []finding.RuleResult{{Rule: rule, Status: finding.StatusFail, Checked: n, Failed: n}}
	res.Frameworks = report.Frameworks(res.Rules, res.Findings, nil)
	for _, byControl := range []bool{false, true} {
		var buf bytes.Buffer
		if err := (report.JUnit{ByControl: byControl}).Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > 1<<20 {
			t.Errorf("by control %v: %d bytes for one failing rule", byControl, buf.Len())
		}
		var doc junitDoc
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		failures := 0
		for _, s := range doc.Suites {
			for _, c := range s.Cases {
				key := c.Classname + "\x00" + c.Name
				if seen[key] {
					t.Errorf("by control %v: (%s, %s) repeats", byControl, c.Classname, c.Name)
				}
				seen[key] = true
				if strings.Count(c.Classname, ".") != 1 {
					t.Errorf("by control %v: class name %q does not have exactly one dot", byControl, c.Classname)
				}
				if c.Failure != nil {
					failures++
					if !strings.Contains(c.Failure.Text, "aws_s3_bucket.b00000 (infra/plan.json): not encrypted") ||
						!strings.Contains(c.Failure.Text, "... and 19800 more findings") {
						t.Errorf("by control %v: failure text does not list the resources: %.200s", byControl, c.Failure.Text)
					}
				}
			}
		}
		want := 1 // one rule on one input
		if byControl {
			want = 3 // under each of its three controls
		}
		if failures != want {
			t.Errorf("by control %v: %d failed cases, want %d", byControl, failures, want)
		}
	}
}

// TestJUnitByInputKeepsFindingsOutsideInputs: conftest --combine findings
// are located in "Combined", which is no input; grouped by input, the
// failure must still be there.
func TestJUnitByInputKeepsFindingsOutsideInputs(t *testing.T) {
	res := sample()
	res.Findings = append(res.Findings, finding.Finding{RuleID: "main.warn", Kind: finding.KindWarn, Message: "duplicate name a", File: "Combined"})
	var buf bytes.Buffer
	if err := (report.JUnit{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<testsuite name="Combined"`, "duplicate name a"} {
		if !strings.Contains(out, want) {
			t.Errorf("junit by input lacks %q:\n%s", want, out)
		}
	}
}

// TestJUnitDirectoryInput: a Terraform configuration is one input, a
// directory, and its findings are located in its files. They belong to the
// directory's suite: a rule that failed in main.tf must not pass there,
// whatever else names main.tf (a part of it that was not evaluated).
func TestJUnitDirectoryInput(t *testing.T) {
	res := sample()
	res.Inputs = []finding.Input{
		{Path: "infra", Format: "terraform", Resources: 3, Status: finding.InputEvaluated, Checked: map[string]int{"TST-A-001": 3}},
		{Path: "infra/main.tf", Format: "terraform", Status: finding.InputNotEvaluated, Reason: "module.vpc (line 1): remote module source not fetched"},
	}
	res.Findings = []finding.Finding{{RuleID: "TST-A-001", Kind: finding.KindDeny, Message: "not encrypted", Resource: "aws_s3_bucket.b", File: "infra/modules/b/main.tf", Line: 4}}
	var buf bytes.Buffer
	if err := (report.JUnit{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, `<testsuite name="infra" tests="1" failures="1"`) {
		t.Errorf("the directory's suite does not hold the failure:\n%s", out)
	}
	if strings.Contains(out, `<testsuite name="infra/modules/b/main.tf"`) {
		t.Errorf("the finding's file has a suite of its own:\n%s", out)
	}
}

// TestJUnitRuleOff: a rule that is off for want of a parameter is skipped
// with that reason, not as a rule with nothing of its types to check.
func TestJUnitRuleOff(t *testing.T) {
	res := sample()
	res.Rules[3].Rule.Requires = []string{"allowed_registries"}
	res.Rules[3].Rule.Off = "parameter allowed_registries is not set (tenet.params.allowed_registries in a --data file)"
	var buf bytes.Buffer
	if err := (report.JUnit{ByControl: true}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if want := `<skipped message="rule off: parameter allowed_registries is not set`; !strings.Contains(out, want) {
		t.Errorf("junit lacks %q:\n%s", want, out)
	}
}

// TestPeopleFormatsNameRulesOff: the table, Markdown and HTML reports say
// which rules are off and the parameter each needs.
func TestPeopleFormatsNameRulesOff(t *testing.T) {
	res := sample()
	res.Rules[3].Rule.Requires = []string{"allowed_registries"}
	res.Rules[3].Rule.Off = "parameter allowed_registries is not set"
	for name, r := range map[string]report.Reporter{"table": report.Table{}, "markdown": report.Markdown{}, "html": report.HTML{}} {
		var buf bytes.Buffer
		if err := r.Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		// The table wraps its lines: compare the words.
		got := strings.Join(strings.Fields(buf.String()), " ")
		if want := "1 rule off, checking nothing until its parameter is set with --data: TST-A-004 (allowed_registries)"; !strings.Contains(got, want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
}

package report_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/test/golden"
)

func rule(id string, sev finding.Severity, controls map[string][]string) finding.Rule {
	return finding.Rule{ID: id, Title: "Title of " + id, Severity: sev, Controls: controls, Remediation: "Fix " + id + ".", Bundle: "test", Package: "tenet.test"}
}

// sample is a small result with every status, a custom rule and a load error.
func sample() *finding.Result {
	rules := []finding.RuleResult{
		{Rule: rule("TST-A-001", finding.SeverityHigh, map[string][]string{"nist-800-53-r5": {"SC-28", "AC-3"}}), Status: finding.StatusFail, Checked: 3, Failed: 1, Passed: 2},
		{Rule: rule("TST-A-002", finding.SeverityLow, map[string][]string{"nist-800-53-r5": {"AC-3"}, "soc2-2017": {"CC6.1"}}), Status: finding.StatusUnknown, Checked: 2, Unknown: 1, Passed: 1},
		{Rule: rule("TST-A-003", finding.SeverityMedium, map[string][]string{"nist-800-53-r5": {"AC-21"}}), Status: finding.StatusPass, Checked: 4, Passed: 4},
		{Rule: rule("TST-A-004", finding.SeverityMedium, map[string][]string{"nist-800-53-r5": {"AC-4"}, "soc2-2017": {"CC6.6"}}), Status: finding.StatusNotApplicable},
		{Rule: finding.Rule{ID: "main.warn", Title: "main.warn", Package: "main", Custom: true}, Status: finding.StatusWarn, Checked: 1, Warned: 1},
		{Rule: rule("TST-A-005", finding.SeverityCritical, map[string][]string{"nist-800-53-r5": {"SC-7"}}), Status: finding.StatusWaived, Checked: 2, Waived: 1, Passed: 1},
	}
	info := map[string]report.FrameworkInfo{
		"nist-800-53-r5": {Title: "NIST SP 800-53 Rev. 5", Controls: map[string]string{"SC-28": "Protection of Information at Rest", "AC-3": "Access Enforcement", "SC-7": "Boundary Protection", "AC-6": "Least Privilege"}},
		"soc2-2017":      {Title: "SOC 2"},
	}
	findings := []finding.Finding{
		{RuleID: "main.warn", Kind: finding.KindWarn, Message: "deployment has no labels", File: "k8s.yaml"},
		{RuleID: "TST-A-001", Kind: finding.KindDeny, Severity: finding.SeverityHigh, Message: "not encrypted", Resource: "aws_s3_bucket.b", Attribute: "encrypted", File: "plan.json"},
		{RuleID: "TST-A-002", Kind: finding.KindUnknown, Severity: finding.SeverityLow, Message: "cidr is unknown until apply", Resource: "aws_security_group_rule.r", File: "plan.json"},
		{RuleID: "TST-A-005", Kind: finding.KindDeny, Severity: finding.SeverityCritical, Message: "ingress from 0.0.0.0/0", Resource: "aws_security_group.web", File: "plan.json", Line: 0,
			Waiver: &finding.Waiver{Rule: "TST-A-005", Resource: "aws_security_group.web", Reason: "public web tier", Owner: "web-team", Ticket: "SEC-42", Expires: "2027-01-31", Source: "waivers.yaml:3"}},
	}
	for i := range findings {
		findings[i].Fingerprint = finding.Fingerprint(findings[i], findings[i].File)
	}
	return &finding.Result{
		Schema:  finding.ResultSchema,
		Tool:    finding.Tool{Name: "tenet", Version: "test"},
		Bundles: []finding.Bundle{{Name: "test", Revision: "1.0.0", Source: "builtin"}},
		Inputs: []finding.Input{
			{Path: "plan.json", Format: "terraform-plan", Resources: 9, Status: finding.InputEvaluated, Checked: map[string]int{"TST-A-001": 3, "TST-A-002": 2, "TST-A-003": 4, "TST-A-005": 2}},
			{Path: "k8s.yaml", Format: "kubernetes", Resources: 1, Status: finding.InputEvaluated, Checked: map[string]int{"main.warn": 1}},
			{Path: "stack.yaml", Format: "yaml", Status: finding.InputNotEvaluated, Reason: "plain YAML: no loaded rule reads it"},
		},
		Errors:     []finding.InputError{{Path: "bad.json", Line: 3, Message: "bad.json:3:1: invalid JSON: unexpected end of input"}},
		Rules:      rules,
		Findings:   findings,
		Frameworks: report.Frameworks(rules, findings, info),
		Waivers: []finding.WaiverUse{
			{Waiver: *findings[3].Waiver, State: finding.WaiverActive, Matched: 1},
			{Waiver: finding.Waiver{Rule: "TST-A-001", Resource: "aws_s3_bucket.old", Reason: "legacy", Expires: "2026-01-01", Source: "waivers.yaml:10"}, State: finding.WaiverExpired},
		},
		Summary: finding.Summary{Inputs: 3, Resources: 10, Rules: 6, Errors: 1, NotEvaluated: 1, Deny: 1, Warn: 1, Unknown: 1, Waived: 1, Failed: true},
	}
}

func TestFormatsGolden(t *testing.T) {
	tests := []struct {
		name   string
		format string
		opts   report.Options
	}{
		{name: "table", format: "table"},
		{name: "table-color", format: "table", opts: report.Options{Color: true}},
		{name: "json", format: "json"},
		{name: "sarif", format: "sarif"},
		{name: "markdown", format: "markdown"},
		{name: "junit", format: "junit"},
		{name: "junit-by-control", format: "junit", opts: report.Options{JUnitByControl: true}},
		{name: "table-controls", format: "table", opts: report.Options{Controls: true}},
		{name: "csv", format: "csv"},
		{name: "github", format: "github"},
		{name: "oscal", format: "oscal", opts: report.Options{Timestamp: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}},
		{name: "html", format: "html"},
		{name: "html-trend", format: "html", opts: report.Options{Timestamp: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), History: history()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := report.New(tc.format, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.Write(&buf, sample()); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, tc.name, buf.Bytes())
		})
	}
}

// history is three earlier runs of sample(), improving towards it.
func history() []report.RunSummary {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 30, 0, 0, time.UTC) }
	return []report.RunSummary{
		{Time: day(2), Frameworks: map[string]map[finding.Status]int{
			"nist-800-53-r5": {finding.StatusFail: 4, finding.StatusPass: 0, finding.StatusNotCovered: 2},
			"soc2-2017":      {finding.StatusFail: 1, finding.StatusNotApplicable: 1},
		}},
		{Time: day(9), Frameworks: map[string]map[finding.Status]int{
			"nist-800-53-r5": {finding.StatusFail: 3, finding.StatusPass: 1, finding.StatusNotApplicable: 1, finding.StatusNotCovered: 1},
			"soc2-2017":      {finding.StatusUnknown: 1, finding.StatusNotApplicable: 1},
		}},
		{Time: day(16), Frameworks: map[string]map[finding.Status]int{
			"nist-800-53-r5": {finding.StatusFail: 2, finding.StatusWaived: 1, finding.StatusPass: 1, finding.StatusNotApplicable: 1, finding.StatusNotCovered: 1},
		}},
	}
}

func TestFrameworks(t *testing.T) {
	fws := sample().Frameworks
	type ctrl struct {
		ID     string
		Status finding.Status
		Rules  []string
	}
	got := map[string][]ctrl{}
	for _, fw := range fws {
		for _, c := range fw.Controls {
			got[fw.ID] = append(got[fw.ID], ctrl{c.ID, c.Status, c.Rules})
		}
	}
	want := map[string][]ctrl{
		"nist-800-53-r5": {
			{"AC-3", finding.StatusFail, []string{"TST-A-001", "TST-A-002"}},
			{"AC-4", finding.StatusNotApplicable, []string{"TST-A-004"}},
			{"AC-6", finding.StatusNotCovered, []string{}},
			{"AC-21", finding.StatusPass, []string{"TST-A-003"}},
			{"SC-7", finding.StatusWaived, []string{"TST-A-005"}},
			{"SC-28", finding.StatusFail, []string{"TST-A-001"}},
		},
		"soc2-2017": {
			{"CC6.1", finding.StatusUnknown, []string{"TST-A-002"}},
			{"CC6.6", finding.StatusNotApplicable, []string{"TST-A-004"}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("controls (-want +got):\n%s", diff)
	}
	nist := fws[0]
	if n := nist.Counts[finding.StatusFail]; n != 2 {
		t.Errorf("nist fail count = %d, want 2", n)
	}
	if nist.Covered != 5 || nist.Coverage != 83.3 {
		t.Errorf("nist coverage = %d controls, %v%%; want 5, 83.3%%", nist.Covered, nist.Coverage)
	}
	wantEvidence := []finding.Evidence{{Rule: "TST-A-005", Status: finding.StatusWaived, Checked: 2,
		Findings: []finding.Location{{Kind: finding.KindDeny, Resource: "aws_security_group.web", File: "plan.json", Waived: true}}}}
	for _, c := range nist.Controls {
		if c.ID == "SC-7" {
			if diff := cmp.Diff(wantEvidence, c.Evidence); diff != "" {
				t.Errorf("SC-7 evidence (-want +got):\n%s", diff)
			}
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := report.New("pdf", report.Options{}); err == nil {
		t.Error("want an error for an unknown format")
	}
	if diff := cmp.Diff([]string{"csv", "github", "html", "json", "junit", "markdown", "oscal", "sarif", "table"}, report.Formats()); diff != "" {
		t.Errorf("formats (-want +got):\n%s", diff)
	}
}

func TestCoverages(t *testing.T) {
	rules := []finding.Rule{
		rule("TST-A-001", finding.SeverityHigh, map[string][]string{"nist-800-53-r5": {"SC-28", "AC-3"}}),
		rule("TST-A-002", finding.SeverityLow, map[string][]string{"nist-800-53-r5": {"AC-3", "XX-1"}, "gdpr": {"Art. 32(1)(a)"}}),
	}
	info := map[string]report.FrameworkInfo{
		"nist-800-53-r5": {Title: "NIST", Controls: map[string]string{"SC-28": "", "AC-3": "", "AC-4": ""}},
		"hipaa":          {Title: "HIPAA", Controls: map[string]string{"164.312(b)": ""}, Partial: true},
	}
	want := []report.Coverage{
		{ID: "gdpr", Title: "gdpr", Rules: 1, Unlisted: []string{"Art. 32(1)(a)"}},
		{ID: "hipaa", Title: "HIPAA", Controls: 1, Partial: true},
		{ID: "nist-800-53-r5", Title: "NIST", Controls: 3, Covered: 2, Percent: 66.6, Rules: 2, Unlisted: []string{"XX-1"}},
	}
	if diff := cmp.Diff(want, report.Coverages(rules, info)); diff != "" {
		t.Errorf("coverage (-want +got):\n%s", diff)
	}
}

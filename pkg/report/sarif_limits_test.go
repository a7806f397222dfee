package report_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// sarifDoc is the part of a SARIF log these tests read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID              string `json:"id"`
					Name            string `json:"name"`
					FullDescription *struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					Properties struct {
						Tags     []string `json:"tags"`
						Controls []string `json:"controls"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			Notifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			Level     string            `json:"level"`
			Kind      string            `json:"kind"`
			Locations []json.RawMessage `json:"locations"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
		} `json:"results"`
	} `json:"runs"`
}

func writeSARIF(t *testing.T, s report.SARIF, res *finding.Result) ([]byte, sarifDoc) {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), doc
}

// TestSARIFGitHubLimits: GitHub code scanning refuses a file over its
// limits (runs a file 20, results a run 25,000, rules a run 25,000, tags a
// rule 20, locations a result 1,000, 10 MB gzipped). A plan with 30,015
// findings and rules mapped to 12 frameworks with 30 controls each made a
// file GitHub refuses; tenet now keeps the worst 25,000 and says so.
func TestSARIFGitHubLimits(t *testing.T) {
	controls := map[string][]string{}
	for f := range 12 {
		for c := range 30 {
			key := fmt.Sprintf("fw-%02d", f)
			controls[key] = append(controls[key], fmt.Sprintf("C-%d", c))
		}
	}
	rule := finding.Rule{ID: "TST-A-001", Title: "Buckets are encrypted", Severity: finding.SeverityHigh, Controls: controls}
	const n = 25001
	res := &finding.Result{Tool: finding.Tool{Name: "tenet", Version: "1.2.3"}, Rules: []finding.RuleResult{{Rule: rule}}}
	for i := range n {
		f := finding.Finding{RuleID: rule.ID, Kind: finding.KindDeny, Resource: fmt.Sprintf("aws_s3_bucket.b%05d", i), File: "plan.json", Message: "not encrypted"}
		if i == 7 {
			f.Kind = finding.KindUnknown // the one left out
		}
		f.Fingerprint = finding.Fingerprint(f, f.File)
		res.Findings = append(res.Findings, f)
	}
	data, doc := writeSARIF(t, report.SARIF{}, res)
	if len(doc.Runs) != 1 || len(doc.Runs) > 20 {
		t.Fatalf("%d runs", len(doc.Runs))
	}
	run := doc.Runs[0]
	if got := len(run.Results); got != report.GitHubResultsPerRun {
		t.Errorf("%d results, want %d", got, report.GitHubResultsPerRun)
	}
	for _, r := range run.Results {
		if r.Kind == "review" {
			t.Errorf("the unknown result was kept over failures: %s", r.Message.Text)
		}
		if len(r.Locations) > 1000 {
			t.Errorf("%d locations", len(r.Locations))
		}
	}
	if got := (report.SARIF{}).Omitted(res); got != 1 {
		t.Errorf("Omitted = %d, want 1", got)
	}
	notes := run.Invocations[0].Notifications
	if len(notes) != 1 || notes[0].Level != "warning" || notes[0].Message.Text[:29] != "1 of 25001 results left out (" {
		t.Errorf("notifications = %+v", notes)
	}
	tags := run.Tool.Driver.Rules[0].Properties.Tags
	if len(tags) > report.GitHubTagsPerRule {
		t.Errorf("%d tags: %v", len(tags), tags)
	}
	if got := len(run.Tool.Driver.Rules[0].Properties.Controls); got != 12*30 {
		t.Errorf("%d controls in properties, want all %d", got, 12*30)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if gz.Len() > 10<<20 {
		t.Errorf("%d bytes gzipped, over GitHub's 10 MB", gz.Len())
	}
}

// TestSARIFRuleAndLevels: an unknown result is of kind review, which SARIF
// pairs with level none (it was "note"); a rule's name is not its id
// (SARIF1001) and every rule has the full description GitHub requires
// (GH2012), conftest-style rules included.
func TestSARIFRuleAndLevels(t *testing.T) {
	res := sample()
	_, doc := writeSARIF(t, report.SARIF{}, res)
	run := doc.Runs[0]
	for _, r := range run.Results {
		if r.Kind == "review" && r.Level != "none" {
			t.Errorf("review result with level %q: %s", r.Level, r.Message.Text)
		}
		if r.Kind == "fail" && r.Level == "none" {
			t.Errorf("fail result with level none: %s", r.Message.Text)
		}
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.Name == r.ID {
			t.Errorf("rule %s: name equals id", r.ID)
		}
		if r.FullDescription == nil || r.FullDescription.Text == "" {
			t.Errorf("rule %s: no full description", r.ID)
		}
	}
}

// TestSARIFBasePath: URIs are relative to the base path (the repository
// root), and a file outside it gets an absolute file: URI.
func TestSARIFBasePath(t *testing.T) {
	res := sample()
	res.Findings = res.Findings[:1]
	res.Findings[0].File = "infra/plan.json"
	res.Errors, res.Inputs = nil, nil
	for _, tc := range []struct{ base, want string }{
		{"", `"uri": "infra/plan.json"`},
		{".", `"uri": "infra/plan.json"`},
		{"infra", `"uri": "plan.json"`},
		{"other", `"uri": "file:///`},
	} {
		var buf bytes.Buffer
		if err := (report.SARIF{BasePath: tc.base}).Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(buf.Bytes(), []byte(tc.want)) {
			t.Errorf("base %q: no %s in\n%s", tc.base, tc.want, buf.String())
		}
	}
}

// TestSARIFKeepsWorst: over the results limit SARIF keeps failures, then
// warnings, then unknowns; a kind the scanner never writes (a hand-edited
// shard report given to tenet merge) ranks with the failures, so it is
// kept rather than left out.
func TestSARIFKeepsWorst(t *testing.T) {
	keepTwo := report.SARIF{Limits: report.SARIFLimits{ResultsPerRun: 2}}
	res := sample()
	rule := res.Findings[0].RuleID
	res.Findings = nil
	for _, k := range []finding.Kind{finding.KindUnknown, finding.KindWarn, "other", finding.KindDeny} {
		res.Findings = append(res.Findings, finding.Finding{RuleID: rule, Kind: k, Message: string(k), File: "plan.json"})
	}
	_, doc := writeSARIF(t, keepTwo, res)
	var kept []string
	for _, r := range doc.Runs[0].Results {
		kept = append(kept, r.Message.Text)
	}
	if fmt.Sprint(kept) != "[other deny]" {
		t.Errorf("kept %v, want [other deny]", kept)
	}
	if n := keepTwo.Omitted(res); n != 2 {
		t.Errorf("Omitted = %d, want 2", n)
	}
}

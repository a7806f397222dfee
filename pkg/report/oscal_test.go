package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

type oscalDoc struct {
	AR struct {
		ImportAp struct {
			Href string `json:"href"`
		} `json:"import-ap"`
		Results []struct {
			Description  string `json:"description"`
			Observations []struct {
				Title    string `json:"title"`
				Subjects []struct {
					UUID string `json:"subject-uuid"`
					Type string `json:"type"`
				} `json:"subjects"`
			} `json:"observations"`
			Findings []struct {
				Target struct {
					Status struct {
						State string `json:"state"`
					} `json:"status"`
				} `json:"target"`
			} `json:"findings"`
		} `json:"results"`
		BackMatter struct {
			Resources []struct {
				UUID string `json:"uuid"`
			} `json:"resources"`
		} `json:"back-matter"`
	} `json:"assessment-results"`
}

func writeOSCAL(t *testing.T, res *finding.Result) oscalDoc {
	t.Helper()
	var buf bytes.Buffer
	if err := (report.OSCAL{Timestamp: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	var doc oscalDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestOSCALReferencesResolve: import-ap pointed at "#tenet-assessment-plan"
// and subjects at resources that were nowhere in the document; OSCAL tools
// resolve both in the back-matter.
func TestOSCALReferencesResolve(t *testing.T) {
	doc := writeOSCAL(t, sample())
	have := map[string]bool{}
	for _, r := range doc.AR.BackMatter.Resources {
		have[r.UUID] = true
	}
	if !strings.HasPrefix(doc.AR.ImportAp.Href, "#") || !have[strings.TrimPrefix(doc.AR.ImportAp.Href, "#")] {
		t.Errorf("import-ap %q resolves to no back-matter resource", doc.AR.ImportAp.Href)
	}
	n := 0
	for _, o := range doc.AR.Results[0].Observations {
		for _, s := range o.Subjects {
			n++
			if s.Type == "resource" && !have[s.UUID] {
				t.Errorf("observation %q: subject %s resolves to no back-matter resource", o.Title, s.UUID)
			}
		}
	}
	if n == 0 {
		t.Fatal("the sample has no subjects: the test checks nothing")
	}
}

// TestOSCALIncomplete: with inputs that could not be read, the result says
// it is incomplete and states no control satisfied (the unread inputs might
// break it); failures are still stated.
func TestOSCALIncomplete(t *testing.T) {
	res := sample()
	res.Errors = []finding.InputError{{Path: "bad.json", Message: "bad.json: invalid JSON"}}
	res.Summary.Errors = 1
	doc := writeOSCAL(t, res)
	r := doc.AR.Results[0]
	if !strings.Contains(r.Description, "Incomplete: 1 input could not be read or evaluated") {
		t.Errorf("description %q does not say the scan is incomplete", r.Description)
	}
	failed := 0
	for _, f := range r.Findings {
		switch f.Target.Status.State {
		case "satisfied":
			t.Error("an incomplete scan states a control satisfied")
		case "not-satisfied":
			failed++
		}
	}
	if failed == 0 {
		t.Error("the failures were dropped too")
	}
	res.Errors, res.Summary.Errors = nil, 0
	satisfied := 0
	for _, f := range writeOSCAL(t, res).AR.Results[0].Findings {
		if f.Target.Status.State == "satisfied" {
			satisfied++
		}
	}
	if satisfied == 0 {
		t.Error("a complete scan of the sample states no control satisfied: the test checks nothing")
	}
}

// TestControlCountsDistinct: a control reported "40 resources checked, 8
// failed" on a 14-resource plan, summing its rules; it counts each resource
// once (a resource of another file is another), and only failures no
// waiver covers.
func TestControlCountsDistinct(t *testing.T) {
	sel := []finding.Selector{{Type: "terraform", ResourceTypes: []string{"aws_s3_bucket"}}}
	controls := map[string][]string{"nist-800-53-r5": {"SC-28"}}
	rules := []finding.RuleResult{
		{Rule: finding.Rule{ID: "A", Selectors: sel, Controls: controls}, Status: finding.StatusFail, Checked: 14, Failed: 2},
		{Rule: finding.Rule{ID: "B", Selectors: sel, Controls: map[string][]string{"nist-800-53-r5": {"SC-28", "AC-3"}}}, Status: finding.StatusFail, Checked: 14, Failed: 1},
	}
	var findings []finding.Finding
	for _, f := range []struct {
		rule, res, file string
		kind            finding.Kind
		waived          bool
	}{
		{"A", "b1", "plan.json", finding.KindDeny, false},
		{"A", "b1", "plan.json", finding.KindDeny, false}, // twice
		{"A", "b2", "plan.json", finding.KindDeny, false},
		{"A", "b3", "plan.json", finding.KindWarn, false},
		{"A", "b4", "plan.json", finding.KindDeny, true},
		{"B", "b1", "plan.json", finding.KindDeny, false},
		{"B", "b1", "other.json", finding.KindDeny, false}, // another file
	} {
		x := finding.Finding{RuleID: f.rule, Kind: f.kind, Resource: "aws_s3_bucket." + f.res, File: f.file}
		if f.waived {
			x.Waiver = &finding.Waiver{Reason: "accepted"}
		}
		findings = append(findings, x)
	}
	inputs := []finding.Input{{Path: "plan.json", Types: map[string]int{"aws_s3_bucket": 14, "aws_iam_role": 3}}}
	fws := report.FrameworksOf(rules, findings, nil, inputs)
	want := map[string][2]int{"SC-28": {14, 3}, "AC-3": {14, 2}}
	for _, c := range fws[0].Controls {
		if w, ok := want[c.ID]; ok && (c.Checked != w[0] || c.Failed != w[1]) {
			t.Errorf("%s: %d checked, %d failed; want %d and %d", c.ID, c.Checked, c.Failed, w[0], w[1])
		}
	}
}

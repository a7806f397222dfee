package diff_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/finding"
)

func f(rule, resource, msg string) finding.Finding {
	x := finding.Finding{RuleID: rule, Kind: finding.KindDeny, Resource: resource, File: "plan.json", Message: msg}
	x.Fingerprint = finding.Fingerprint(x, x.File)
	return x
}

func fw(statuses map[string]finding.Status) []finding.Framework {
	var cs []finding.Control
	for _, id := range []string{"AC-3", "SC-28", "SC-7"} {
		if st, ok := statuses[id]; ok {
			cs = append(cs, finding.Control{ID: id, Status: st})
		}
	}
	return []finding.Framework{{ID: "nist", Controls: cs}}
}

func ids(fs []finding.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.RuleID+" "+f.Resource+" "+f.Message)
	}
	return out
}

func TestCompare(t *testing.T) {
	old := &finding.Result{
		Findings:   []finding.Finding{f("R1", "a", "x"), f("R1", "a", "x"), f("R2", "b", "gone")},
		Frameworks: fw(map[string]finding.Status{"AC-3": finding.StatusPass, "SC-28": finding.StatusFail, "SC-7": finding.StatusPass}),
	}
	new := &finding.Result{
		// One of the duplicate R1 findings is left; a finding of R1 on a
		// with another message is another finding (a second host port).
		Findings:   []finding.Finding{f("R1", "a", "x"), f("R1", "a", "reworded"), f("R3", "c", "new")},
		Frameworks: fw(map[string]finding.Status{"AC-3": finding.StatusFail, "SC-28": finding.StatusFail}),
	}
	d := diff.Compare(old, new)
	if diff := cmp.Diff([]string{"R1 a reworded", "R3 c new"}, ids(d.Added)); diff != "" {
		t.Errorf("added (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"R1 a x", "R2 b gone"}, ids(d.Resolved)); diff != "" {
		t.Errorf("resolved (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"R1 a x"}, ids(d.Unchanged)); diff != "" {
		t.Errorf("unchanged (-want +got):\n%s", diff)
	}
	want := []diff.ControlChange{
		{Framework: "nist", Control: "AC-3", From: finding.StatusPass, To: finding.StatusFail},
		{Framework: "nist", Control: "SC-7", From: finding.StatusPass},
	}
	if diff := cmp.Diff(want, d.Controls); diff != "" {
		t.Errorf("controls (-want +got):\n%s", diff)
	}
	if d.Summary != (diff.Summary{New: 2, Resolved: 2, Unchanged: 1, NewFailing: 2, Controls: 2}) {
		t.Errorf("summary = %+v", d.Summary)
	}
}

func TestMarkBaseline(t *testing.T) {
	base := &finding.Result{Findings: []finding.Finding{f("R1", "a", "x"), f("R2", "b", "gone")}}
	cur := []finding.Finding{f("R1", "a", "x"), f("R3", "c", "new")}
	b := diff.MarkBaseline(cur, base, "base.json")
	if cur[0].Baseline != finding.BaselineExisting || cur[1].Baseline != finding.BaselineNew {
		t.Errorf("marks = %q, %q", cur[0].Baseline, cur[1].Baseline)
	}
	if b.New != 1 || b.Existing != 1 || b.Path != "base.json" {
		t.Errorf("baseline = %+v", b)
	}
	if diff := cmp.Diff([]string{"R2 b gone"}, ids(b.Resolved)); diff != "" {
		t.Errorf("resolved (-want +got):\n%s", diff)
	}
}

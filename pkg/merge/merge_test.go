package merge_test

import (
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/merge"
)

// shard is a small report of shard i of n.
func shard(i, n int) *finding.Result {
	return &finding.Result{
		Schema:  finding.ResultSchema,
		Tool:    finding.Tool{Name: "tenet", Version: "1.0.0"},
		Bundles: []finding.Bundle{{Name: "tenet-aws", Revision: "0.6.0", Source: "builtin"}},
		Rules: []finding.RuleResult{{Rule: finding.Rule{ID: "TNT-AWS-S3-001", Title: "encrypted", Severity: finding.SeverityHigh},
			Status: finding.StatusPass, Checked: 1, Passed: 1}},
		Inputs: []finding.Input{{Path: "p" + string(rune('0'+i)) + ".json", Format: "terraform-plan", Resources: 1, Status: finding.InputEvaluated, Order: i + 1,
			Counts: &finding.InputCounts{Checked: map[string]int{"TNT-AWS-S3-001": 1}, Types: map[string]int{"aws_s3_bucket": 1}}}},
		Summary: finding.Summary{Resources: 1},
		Shard:   &finding.Shard{Index: i, Count: n, Inputs: n, Digest: "0123456789abcdef0123456789abcdef", Gate: finding.Gate{Unknown: "warn"}},
	}
}

func parts(rs ...*finding.Result) []merge.Part {
	out := make([]merge.Part, len(rs))
	for i, r := range rs {
		out[i] = merge.Part{Name: "shard-" + string(rune('0'+r.Shard.Index)) + ".json", Report: r}
		if r.Shard.Index == 9 { // not a shard after all
			r.Shard = nil
		}
	}
	return out
}

// TestMergeRefuses: every report that is not a shard of the same run
// with the same tenet and policies is refused, saying what differs.
func TestMergeRefuses(t *testing.T) {
	tests := []struct {
		name   string
		change func(a, b *finding.Result)
		want   string
	}{
		{"not a shard", func(_, b *finding.Result) { b.Shard.Index = 9 }, "shard-9.json: not the report of a shard"},
		{"brief", func(_, b *finding.Result) { b.Shard.Brief = true }, "shard-1.json: a brief json report"},
		{"baseline", func(_, b *finding.Result) { b.Baseline = &finding.Baseline{Path: "old.json"} }, "shard-1.json: compared with a baseline"},
		{"count", func(_, b *finding.Result) { b.Shard.Count = 3 }, "shard-1.json is shard 1 of 3, shard-0.json of 2"},
		{"inputs", func(_, b *finding.Result) { b.Shard.Digest = "ffffffffffffffffffffffffffffffff" }, "were made from different inputs"},
		{"gate", func(_, b *finding.Result) { b.Shard.Gate.FailOnWarn = true }, "were run with different --fail-on-warn"},
		{"tool", func(_, b *finding.Result) { b.Tool.Version = "1.0.1" }, "shard-1.json was made by tenet 1.0.1, shard-0.json by tenet 1.0.0"},
		{"twice", func(_, b *finding.Result) { b.Shard.Index = 0 }, "shard 0 of 2 is given twice"},
		{"input twice", func(_, b *finding.Result) { b.Inputs[0].Order = 1 }, "shard-0.json and shard-1.json both report input 1 of the run"},
		{"input out of the run", func(_, b *finding.Result) { b.Inputs[0].Order = 7 }, "shard-1.json: an input at place 7 of a run of 2"},
		{"input dropped", func(_, b *finding.Result) { b.Inputs = nil }, "input 2 of the 2 the run walked is in no shard's report"},
		{"no such shard", func(_, b *finding.Result) { b.Shard.Index = 5 }, "shard-5.json: shard 5 of 2 does not exist"},
		{"bundle revision", func(_, b *finding.Result) { b.Bundles[0].Revision = "0.7.0" }, `bundle tenet-aws differs: revision "0.6.0"`},
		{"bundle more", func(_, b *finding.Result) {
			b.Bundles = append(b.Bundles, finding.Bundle{Name: "mine", Source: "policy"})
		}, "bundle mine is in shard-1.json, not in shard-0.json"},
		{"rule changed", func(_, b *finding.Result) { b.Rules[0].Rule.Severity = finding.SeverityLow }, "rule TNT-AWS-S3-001 differs between shard-0.json and shard-1.json"},
		{"rule more", func(_, b *finding.Result) {
			b.Rules = append(b.Rules, finding.RuleResult{Rule: finding.Rule{ID: "TNT-X-001"}})
		}, "rule TNT-X-001 is in shard-1.json, not in shard-0.json"},
		{"rule fewer", func(a, _ *finding.Result) {
			a.Rules = append(a.Rules, finding.RuleResult{Rule: finding.Rule{ID: "TNT-X-001"}})
		}, "shard-0.json has 2 rules, shard-1.json 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := shard(0, 2), shard(1, 2)
			tc.change(a, b)
			_, err := merge.Results(parts(a, b))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
	if _, err := merge.Results(nil); err == nil {
		t.Error("merging nothing: no error")
	}
	if _, err := merge.Results(parts(shard(1, 3), shard(0, 3))); err == nil || !strings.Contains(err.Error(), "shard 2 of 3 is missing") {
		t.Errorf("missing shard: err = %v", err)
	}
}

// TestMergeWaivers: a waiver of the waiver file is active when it covered
// a finding in any shard, with the findings of all; an annotation's
// waiver keeps its place among the inputs.
func TestMergeWaivers(t *testing.T) {
	given := finding.Waiver{Rule: "TNT-AWS-S3-001", Reason: "r", Source: "waivers.yaml:2"}
	a, b := shard(0, 2), shard(1, 2)
	a.Waivers = []finding.WaiverUse{{Waiver: given, State: finding.WaiverStale},
		{Waiver: finding.Waiver{Rule: "TNT-K8S-POD-001", Reason: "x", Source: "p0.yaml:3"}, State: finding.WaiverActive, Matched: 1, Order: 1}}
	b.Waivers = []finding.WaiverUse{{Waiver: given, State: finding.WaiverActive, Matched: 2}}
	res, err := merge.Results(parts(b, a))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Waivers) != 2 {
		t.Fatalf("waivers: %+v", res.Waivers)
	}
	if w := res.Waivers[0]; w.State != finding.WaiverActive || w.Matched != 2 || w.Waiver != given {
		t.Errorf("the given waiver merged as %+v", w)
	}
	if w := res.Waivers[1]; w.Waiver.Source != "p0.yaml:3" || w.Order != 0 {
		t.Errorf("the annotation's waiver merged as %+v", w)
	}
	if len(res.Inputs) != 2 || res.Inputs[0].Path != "p0.json" || res.Inputs[0].Order != 0 || res.Inputs[0].Counts != nil || res.Inputs[0].Types["aws_s3_bucket"] != 1 {
		t.Errorf("inputs: %+v", res.Inputs)
	}
	if res.Shard != nil || res.Rules[0].Checked != 2 || res.Summary.Resources != 2 || res.Summary.Inputs != 2 {
		t.Errorf("merged: shard %v, checked %d, summary %+v", res.Shard, res.Rules[0].Checked, res.Summary)
	}
}

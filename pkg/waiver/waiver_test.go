package waiver

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"TNT-AWS-S3-001", "TNT-AWS-S3-001", true},
		{"TNT-AWS-S3-001", "TNT-AWS-S3-0011", false},
		{"TNT-AWS-S3-*", "TNT-AWS-S3-010", true},
		{"TNT-AWS-S3-*", "TNT-AWS-EC2-001", false},
		{"*", "", true},
		{"", "", true},
		{"", "x", false},
		{"TNT-*-00?", "TNT-K8S-POD-001", true},
		{"TNT-*-00?", "TNT-K8S-POD-0010", false},
		{`aws_instance.web["a"]`, `aws_instance.web["a"]`, true},
		{`aws_instance.web[*]`, `aws_instance.web[0]`, true},
		{"module.logs.*", "module.logs.aws_s3_bucket.this[0]", true},
		{"shop/*/debug", "shop/Deployment/debug", true},
		{"envs/*", "envs/prod/plan.json", true},
		{"*a*a*a*a*a*b", strings.Repeat("a", 64), false},
	}
	for _, tc := range tests {
		if got := Glob(tc.pattern, tc.s); got != tc.want {
			t.Errorf("Glob(%q, %q) = %v, want %v", tc.pattern, tc.s, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"empty", "", "w.yaml: empty waiver file"},
		{"not yaml", "waivers: [", "w.yaml:1: did not find expected node content"},
		{"unknown top-level", "waiver:\n  - rule: X\n", `w.yaml:1: unknown field "waiver"`},
		{"unknown field", "waivers:\n  - rule: X\n    reason: r\n    resouce: y\n", `w.yaml:4: unknown field "resouce"`},
		{"no rule", "waivers:\n  - reason: r\n", `w.yaml:2: "rule" is required`},
		{"no reason", "waivers:\n  - rule: X\n  - rule: Y\n    reason: ''\n", `w.yaml:2: "reason" is required`},
		{"bad date", "waivers:\n  - rule: X\n    reason: r\n    expires: 31/01/2027\n", `w.yaml:2: expires "31/01/2027" is not a date`},
		{"not a mapping", "waivers:\n  - TNT-AWS-S3-001\n", "w.yaml:2: a waiver must be a mapping"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("w.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestParse(t *testing.T) {
	ws, err := Parse("w.yaml", []byte(`waivers:
  - rule: TNT-AWS-S3-*
    resource: module.logs.*
    input: envs/prod/*
    reason: logs are public by design
    owner: data@example.com
    ticket: SEC-1
    expires: 2027-01-31
  - {rule: TNT-K8S-POD-001, reason: debug}
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []finding.Waiver{
		{Rule: "TNT-AWS-S3-*", Resource: "module.logs.*", Input: "envs/prod/*", Reason: "logs are public by design", Owner: "data@example.com", Ticket: "SEC-1", Expires: "2027-01-31", Source: "w.yaml:2"},
		{Rule: "TNT-K8S-POD-001", Reason: "debug", Source: "w.yaml:9"},
	}
	if diff := cmp.Diff(want, ws); diff != "" {
		t.Errorf("waivers (-want +got):\n%s", diff)
	}
}

func TestApply(t *testing.T) {
	today := time.Date(2027, 1, 31, 15, 0, 0, 0, time.UTC)
	findings := []finding.Finding{
		{RuleID: "R-1", Resource: "a.x", File: "envs/prod/plan.json"},
		{RuleID: "R-1", Resource: "a.y", File: "envs/dev/plan.json"},
		{RuleID: "R-2", Resource: "a.x", File: "envs/prod/plan.json"},
		{RuleID: "R-3", Resource: "a.z", File: "plan.json"},
		{RuleID: "R-4", Resource: "a.w", File: "./envs/prod/plan.json"},
	}
	waivers := []finding.Waiver{
		{Rule: "R-1", Input: "envs/prod/*", Reason: "last day today", Expires: "2027-01-31", Source: "w:1"},
		{Rule: "R-*", Resource: "a.x", Reason: "second match", Source: "w:2"},
		{Rule: "R-3", Reason: "expired yesterday", Expires: "2027-01-30", Source: "w:3"},
		{Rule: "R-9", Reason: "matches nothing", Source: "w:4"},
		{Rule: "R-4", Input: "envs//prod/*.json", Reason: "paths are cleaned", Source: "w:5"},
	}
	uses := make([]finding.WaiverUse, len(waivers))
	for i, w := range waivers {
		uses[i].Waiver = w
	}
	uses = append(uses, finding.WaiverUse{Waiver: finding.Waiver{Rule: "R-3", Reason: "refused: covers nothing", Source: "w:6"}, State: finding.WaiverRefused})
	Apply(findings, uses, today)
	wantStates := []finding.WaiverState{finding.WaiverActive, finding.WaiverActive, finding.WaiverExpired, finding.WaiverStale, finding.WaiverActive, finding.WaiverRefused}
	wantMatched := []int{1, 2, 1, 0, 1, 1}
	for i, u := range uses {
		if u.State != wantStates[i] || u.Matched != wantMatched[i] {
			t.Errorf("waiver %d: %s, %d matched; want %s, %d", i, u.State, u.Matched, wantStates[i], wantMatched[i])
		}
	}
	wantWaiver := []string{"w:1", "", "w:2", "", "w:5"}
	for i, f := range findings {
		got := ""
		if f.Waiver != nil {
			got = f.Waiver.Source
		}
		if got != wantWaiver[i] {
			t.Errorf("finding %d waived by %q, want %q", i, got, wantWaiver[i])
		}
	}
}

func TestFromDocument(t *testing.T) {
	obj := func(note any) input.Resource {
		meta := map[string]any{"name": "debug"}
		if note != nil {
			meta["annotations"] = map[string]any{Annotation: note}
		}
		return input.Resource{Address: "shop/Deployment/debug", Values: map[string]any{"metadata": meta}, Location: input.Location{File: "k8s.yaml", Line: 40}}
	}
	doc := func(r ...input.Resource) *input.Document {
		return &input.Document{Source: input.Source{Path: "k8s.yaml", Format: input.FormatKubernetes}, Resources: r}
	}
	ws, err := FromDocument(doc(obj(nil), obj("- rule: TNT-K8S-POD-001\n  reason: debug tools\n  expires: 2027-02-01\n")))
	if err != nil {
		t.Fatal(err)
	}
	want := []finding.Waiver{{Rule: "TNT-K8S-POD-001", Resource: "shop/Deployment/debug", Input: "k8s.yaml", Reason: "debug tools", Expires: "2027-02-01", Source: "k8s.yaml:40", Exact: true}}
	if diff := cmp.Diff(want, ws); diff != "" {
		t.Errorf("waivers (-want +got):\n%s", diff)
	}
	for name, note := range map[string]any{
		"not a string":  3,
		"not a list":    "rule: X",
		"no reason":     "- rule: X",
		"resource set":  "- {rule: X, reason: r, resource: other}",
		"duplicate key": "- {rule: X, reason: r, rule: Y}",
	} {
		if _, err := FromDocument(doc(obj(note))); err == nil || !strings.HasPrefix(err.Error(), Annotation) && !strings.HasPrefix(err.Error(), "k8s.yaml:") {
			t.Errorf("%s: error %v, want one naming the annotation or file", name, err)
		}
	}
}

// TestParseDuplicateKeyLine checks that a key given twice in a waiver is
// reported at the line of the second key, with the line of the first:
// the lines of the file, not of the waiver decoded on its own.
func TestParseDuplicateKeyLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"in the first waiver", "waivers:\n  - rule: X\n    reason: r\n    rule: Y\n",
			`w.yaml:4: duplicate key "rule" (first at line 2)`},
		{"in a later waiver", "waivers:\n  - rule: X\n    reason: r\n\n  - rule: A\n    reason: r\n    owner: o\n    reason: again\n",
			`w.yaml:8: duplicate key "reason" (first at line 6)`},
		{"in a flow mapping", "# comment\n\nwaivers:\n  - rule: X\n    reason: r\n  - {rule: Y, reason: r, rule: Z}\n",
			`w.yaml:6: duplicate key "rule" (first at line 6)`},
		{"quoted and plain", "waivers:\n  - rule: X\n    reason: r\n    \"rule\": Y\n",
			`w.yaml:4: duplicate key "rule" (first at line 2)`},
		{"top level", "waivers:\n  - rule: X\n    reason: r\nwaivers: []\n",
			`w.yaml:4: duplicate key "waivers" (first at line 1)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("w.yaml", []byte(tc.yaml))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}

// TestMatchesExact checks that an exact waiver (from an annotation) names
// its resource and input literally: "*" in them is a character.
func TestMatchesExact(t *testing.T) {
	w := finding.Waiver{Rule: "R-*", Resource: "*/Pod/*", Input: "k8s/*.yaml", Exact: true}
	tests := []struct {
		f    finding.Finding
		want bool
	}{
		{finding.Finding{RuleID: "R-1", Resource: "*/Pod/*", File: "k8s/*.yaml"}, true},
		{finding.Finding{RuleID: "R-1", Resource: "*/Pod/*", File: "./k8s//*.yaml"}, true},
		{finding.Finding{RuleID: "R-1", Resource: "prod/Pod/victim", File: "k8s/*.yaml"}, false},
		{finding.Finding{RuleID: "R-1", Resource: "*/Pod/*", File: "k8s/a.yaml"}, false},
		{finding.Finding{RuleID: "X-1", Resource: "*/Pod/*", File: "k8s/*.yaml"}, false},
	}
	for _, tc := range tests {
		if got := Matches(w, tc.f); got != tc.want {
			t.Errorf("Matches(%+v) = %v, want %v", tc.f, got, tc.want)
		}
	}
	w.Exact = false
	if !Matches(w, finding.Finding{RuleID: "R-1", Resource: "prod/Pod/victim", File: "k8s/a.yaml"}) {
		t.Error("a waiver from a file is a glob")
	}
}

// TestMatchesDefaultNamespace checks that a waiver names an object of the
// default namespace either way: Deployment/web, the address tenet gives
// it, or default/Deployment/web, which is how tenet wrote the address of
// an object with namespace: default before addresses were made one per
// object.
func TestMatchesDefaultNamespace(t *testing.T) {
	tests := []struct {
		resource, address string
		want              bool
	}{
		{"Deployment/web", "Deployment/web", true},
		{"default/Deployment/web", "Deployment/web", true},
		{"default/*", "Deployment/web", true},
		{"*/Deployment/web", "Deployment/web", true},
		{"default/Deployment/web", "shop/Deployment/web", false},
		{"default/Deployment/web", "Deployment/api", false},
		{"shop/Deployment/web", "Deployment/web", false},
		{"default/aws_s3_bucket.b", "aws_s3_bucket.b", false},
		{`default/aws_s3_bucket.b["x"]`, `aws_s3_bucket.b["x"]`, false},
	}
	for _, tc := range tests {
		w := finding.Waiver{Rule: "R-1", Resource: tc.resource}
		f := finding.Finding{RuleID: "R-1", Resource: tc.address, File: "k8s.yaml"}
		if got := Matches(w, f); got != tc.want {
			t.Errorf("waiver on %q matches %q: %v, want %v", tc.resource, tc.address, got, tc.want)
		}
	}
}

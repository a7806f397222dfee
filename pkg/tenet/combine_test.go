package tenet

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// duplicateNames fails when two documents of the combined input share a
// name, which no single file shows; it also prints what a policy reaches
// of a plan's secrets through the combined input.
const duplicateNames = `package main

import rego.v1

deny contains msg if {
	some i, j
	input[i].contents.metadata.name == input[j].contents.metadata.name
	i < j
	msg := sprintf("duplicate name %s in %s and %s", [input[i].contents.metadata.name, input[i].path, input[j].path])
}

warn contains base64.encode(x.contents.variables.db_password.value) if some x in input
`

func TestScanCombine(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n")
	b := write("b.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: same\n")
	plan := write("plan.json", secretPlan)
	bad := write("bad.json", "{")
	bundle := fstest.MapFS{"main/dup.rego": {Data: []byte(duplicateNames)}}
	scan := func(t *testing.T, opts ...Option) *finding.Result {
		t.Helper()
		return allowIncomplete(t)(Scan(t.Context(), []string{b, a, plan, bad}, append([]Option{WithoutBuiltins(), withBundleFS(bundle)}, opts...)...))
	}

	res := scan(t)
	if res.Summary.Deny != 0 {
		t.Errorf("without combine, each file alone has no duplicate: %+v", res.Findings)
	}

	res = scan(t, WithCombine())
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "bad.json") {
		t.Errorf("errors = %+v, want the unreadable bad.json only", res.Errors)
	}
	var deny, warn []finding.Finding
	for _, f := range res.Findings {
		if f.File != engine.CombinedPath {
			t.Errorf("finding in %q, want %q: %+v", f.File, engine.CombinedPath, f)
		}
		switch f.Kind {
		case finding.KindDeny:
			deny = append(deny, f)
		case finding.KindWarn:
			warn = append(warn, f)
		}
	}
	wantMsg := "duplicate name same in " + a + " and " + b
	if len(deny) != 1 || deny[0].Message != wantMsg {
		t.Errorf("deny = %+v, want one finding %q", deny, wantMsg)
	}
	if len(warn) != 1 || warn[0].Message != base64.StdEncoding.EncodeToString([]byte(input.Redacted)) {
		t.Errorf("warn = %+v: the combined input must hold the masked plan", warn)
	}
	if !res.Summary.Failed {
		t.Error("the combined failure does not fail the run")
	}
	for _, rr := range res.Rules {
		if rr.Checked != 1 {
			t.Errorf("%s checked %d, want 1 (the combined input)", rr.Rule.ID, rr.Checked)
		}
	}
	if res.Summary.NotEvaluated != 0 {
		t.Errorf("%d inputs not evaluated: the combined rules judged them all", res.Summary.NotEvaluated)
	}
	for _, in := range res.Inputs {
		if in.Status != finding.InputEvaluated {
			t.Errorf("input %s is %s (%s), want evaluated by the combined rules", in.Path, in.Status, in.Reason)
		}
		if in.Checked["main.deny"] != 1 {
			t.Errorf("input %s: checked %v, want main.deny judged it", in.Path, in.Checked)
		}
	}
}

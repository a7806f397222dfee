package tenet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// printAll prints everything a conftest-style policy and a native one can
// read of a plan.
const printAll = `package main

import rego.v1

deny contains "printed" if {
	print("raw", input)
	true
}
`

// TestPrintAndTraceMasked: print() output and the trace of custom
// policies show the plan with its secrets masked, as the policies see it;
// the built-in rules, which see the real values, are not traced; with
// WithSensitiveForPolicies the policies see, and print, the value.
func TestPrintAndTraceMasked(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(plan, []byte(secretPlan), 0o600); err != nil {
		t.Fatal(err)
	}
	bundle := fstest.MapFS{"main/print.rego": {Data: []byte(printAll)}}
	const secret = "correct-horse-battery"
	run := func(opts ...Option) (string, string) {
		var printed, traced bytes.Buffer
		res, err := Scan(t.Context(), []string{plan}, append([]Option{withBundleFS(bundle), WithPrint(&printed), WithTrace(&traced)}, opts...)...)
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("scan: %v %v", err, res)
		}
		return printed.String(), traced.String()
	}
	printed, traced := run()
	if !strings.Contains(printed, "print: "+plan+": extra0/main/print.rego:6: raw") || !strings.Contains(printed, "(sensitive value)") {
		t.Errorf("print output:\n%s", printed)
	}
	if traced == "" || !strings.Contains(traced, "trace: "+plan+": data.main.deny") {
		t.Errorf("trace:\n%.2000s", traced)
	}
	for what, out := range map[string]string{"print": printed, "trace": traced} {
		if strings.Contains(out, secret) {
			t.Errorf("%s output shows the sensitive value", what)
		}
	}
	if strings.Contains(traced, "data.tenet.aws") || strings.Contains(traced, "data.tenet.lib") {
		t.Error("the built-in rules were traced")
	}
	if printed, _ := run(WithSensitiveForPolicies(true)); !strings.Contains(printed, secret) {
		t.Errorf("with WithSensitiveForPolicies the policy prints the value it sees:\n%s", printed)
	}
}

// TestCustomMetadata: a custom rule's result object keeps its other keys
// (details) in the finding, as conftest's metadata; built-in findings carry
// none.
func TestCustomMetadata(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "app.json")
	if err := os.WriteFile(doc, []byte(`{"owner": ""}`), 0o644); err != nil {
		t.Fatal(err)
	}
	bundle := fstest.MapFS{"main/owner.rego": {Data: []byte(`package main

import rego.v1

violation contains {"msg": "needs an owner", "details": {"field": "owner", "level": 2}} if input.owner == ""
`)}}
	res, err := Scan(t.Context(), []string{doc, "../../test/examples/plan.json"}, withBundleFS(bundle))
	if err != nil {
		t.Fatal(err)
	}
	custom := 0
	for _, f := range res.Findings {
		switch {
		case f.RuleID == "main.violation":
			custom++
			d, _ := f.Metadata["details"].(map[string]any)
			if d["field"] != "owner" || fmt.Sprint(d["level"]) != "2" {
				t.Errorf("custom finding metadata = %v", f.Metadata)
			}
		case f.Metadata != nil:
			t.Errorf("built-in finding %s has metadata %v", f.RuleID, f.Metadata)
		}
	}
	if custom != 1 {
		t.Errorf("%d custom findings", custom)
	}
}

package tenet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

// TestRuleOffWithoutParameter: a rule that requires a parameter checks
// nothing while it is unset or empty (not applicable, with the reason in
// Rule.Off), never a pass with resources counted as checked; once set, it
// checks them.
func TestRuleOffWithoutParameter(t *testing.T) {
	dir := t.TempDir()
	pod := filepath.Join(dir, "pod.yaml")
	write := func(path, body string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(pod, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n    - name: web\n      image: ghcr.io/acme/web:1.0\n")
	empty := filepath.Join(dir, "empty.yaml")
	write(empty, "tenet:\n  params:\n    allowed_registries: []\n")
	set := filepath.Join(dir, "set.yaml")
	write(set, "tenet:\n  params:\n    allowed_registries: [\"registry.example.com/\"]\n")

	rule := func(opts ...tenet.Option) finding.RuleResult {
		t.Helper()
		res, err := tenet.Scan(t.Context(), []string{pod}, opts...)
		if err != nil {
			t.Fatal(err)
		}
		for _, rr := range res.Rules {
			if rr.Rule.ID == "TNT-K8S-POD-024" {
				return rr
			}
		}
		t.Fatal("TNT-K8S-POD-024 is not in the report")
		return finding.RuleResult{}
	}
	for name, opts := range map[string][]tenet.Option{"unset": nil, "empty": {tenet.WithData(empty)}} {
		rr := rule(opts...)
		if rr.Status != finding.StatusNotApplicable || rr.Checked != 0 || !strings.Contains(rr.Rule.Off, "allowed_registries is not set") {
			t.Errorf("%s: status %s, %d checked, off %q: want not applicable, 0 checked, off", name, rr.Status, rr.Checked, rr.Rule.Off)
		}
	}
	if rr := rule(tenet.WithData(set)); rr.Status != finding.StatusFail || rr.Checked != 1 || rr.Rule.Off != "" {
		t.Errorf("set: status %s, %d checked, off %q: want fail, 1 checked, on", rr.Status, rr.Checked, rr.Rule.Off)
	}
}

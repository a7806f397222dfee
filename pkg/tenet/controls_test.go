package tenet

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// TestControlMappingTypoRefused: New (behind test, rules, frameworks and
// watch) and Verify refuse a mapping to an unknown framework key or
// control id with the same policy error, whatever --framework keeps.
func TestControlMappingTypoRefused(t *testing.T) {
	policy := filepath.Join(t.TempDir(), "x.rego")
	rule := strings.Replace(testRule, `#     hipaa: ["164.312(a)(2)(iv)"]`, `#     hipaa: ["164.312(a)(2)(iv)"]`+"\n"+`#     cis-aws-3.0: ["2.1.1"]`, 1)
	rule = strings.Replace(rule, `["SC-28"]`, `["SC-28", "AC-99"]`, 1)
	if err := os.WriteFile(policy, []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	want := policy + `: rule TST-S3-001: custom.controls: unknown framework "cis-aws-3.0" (did you mean "cis-aws-3.0.0"?); control "AC-99" is not in the nist-800-53-r5 catalog`
	check := func(name string, err error) {
		t.Helper()
		var pe *catalog.PolicyError
		if !errors.As(err, &pe) || err.Error() != want {
			t.Errorf("%s: error\n got %v\nwant %s (a *catalog.PolicyError)", name, err, want)
		}
	}
	_, err := New(t.Context(), WithoutBuiltins(), WithPolicy(policy))
	check("New", err)
	_, err = New(t.Context(), WithPolicy(policy), WithFrameworks("hipaa"))
	check("New --framework hipaa", err)
	_, err = Verify(t.Context(), "", WithoutBuiltins(), WithPolicy(policy))
	check("Verify", err)
}

// TestControlMappingCustomCatalog: a framework catalog that comes with a
// bundle is known to its rules, and a scan reports it with as many
// controls as Coverage (`tenet frameworks`) does.
func TestControlMappingCustomCatalog(t *testing.T) {
	fsys := fstest.MapFS{
		".manifest": {Data: []byte(`{"revision": "1.0.0", "roots": ["tenet/test"], "metadata": {"name": "acme"}}`)},
		"acme.json": {Data: []byte(`{"acme-2025": {"title": "ACME baseline", "controls": {"ACME-1": {"title": "Encrypt data"}, "ACME-2": {"title": "Tag data"}}}}`)},
		"s3.rego":   {Data: []byte(strings.Replace(testRule, `#     hipaa: ["164.312(a)(2)(iv)"]`, `#     acme-2025: ["ACME-1"]`, 1))},
	}
	s, err := New(t.Context(), WithoutBuiltins(), withBundleFS(fsys))
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string][2]int{}
	for _, c := range s.Coverage() {
		covered[c.ID] = [2]int{c.Controls, c.Covered}
		if len(c.Unlisted) > 0 {
			t.Errorf("%s: unlisted controls %v", c.ID, c.Unlisted)
		}
	}
	if covered["acme-2025"] != [2]int{2, 1} {
		t.Errorf("coverage of acme-2025 = %v, want 2 controls, 1 covered", covered["acme-2025"])
	}
	res, err := s.Scan(t.Context(), plan(t, t.TempDir(), "p.json", bucket("a", `{"encrypted": true}`, `{}`)))
	if err != nil {
		t.Fatal(err)
	}
	// The rule maps to NIST SC-28, which the FedRAMP profiles select and
	// the ISO/IEC 27001 crosswalk relates: derived frameworks are reported
	// as any other.
	var ids []string
	for _, fw := range res.Frameworks {
		ids = append(ids, fw.ID)
	}
	if want := []string{"acme-2025", "fedramp-high", "fedramp-low", "fedramp-moderate", "iso-27001-2022", "nist-800-53-r5"}; !slices.Equal(ids, want) {
		t.Fatalf("frameworks = %v, want %v", ids, want)
	}
	for _, fw := range res.Frameworks {
		if got := [2]int{len(fw.Controls), fw.Covered}; got != covered[fw.ID] {
			t.Errorf("%s: scan reports %v controls/covered, Coverage %v", fw.ID, got, covered[fw.ID])
		}
	}
}

package catalog_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
)

// testFrameworks is a small frameworks bundle: two full catalogs, two
// versions of one family and a partial catalog.
func testFrameworks() catalog.Source {
	return catalog.Source{Path: "bundles/frameworks", Builtin: true, FS: fstest.MapFS{
		"nist.json": {Data: []byte(`{"nist-800-53-r5": {"title": "NIST", "controls": {
			"AC-3": {"title": "Access Enforcement"}, "AC-9": {"title": "Previous Logon Notification"},
			"AC-19": {"title": "Access Control for Mobile Devices"}, "SC-28": {"title": "Protection of Information at Rest"},
			"SC-28(1)": {"title": "Cryptographic Protection"}}}}`)},
		"cis.json": {Data: []byte(`{"cis-aws-1.5.0": {"title": "CIS AWS 1.5.0", "controls": {"2.1.1": {"title": "Encrypt buckets"}}},
			"cis-aws-3.0.0": {"title": "CIS AWS 3.0.0", "controls": {"2.1.1": {"title": "Encrypt buckets"}}}}`)},
		"gdpr.json": {Data: []byte(`{"gdpr": {"title": "GDPR", "partial": true, "controls": {"Art. 32(1)(a)": {"title": "Encryption"}}}}`)},
	}}
}

// withControls returns goodRule with its controls block replaced by yaml
// (lines of the form "framework: [ids]").
func withControls(rule string, yaml ...string) string {
	block := "#   controls:\n"
	for _, l := range yaml {
		block += "#     " + l + "\n"
	}
	return strings.Replace(rule, "#   controls:\n#     nist-800-53-r5: [\"AC-3\"]\n", block, 1)
}

// writeRego writes a single-file custom policy and returns its path.
func writeRego(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.rego")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestControlMappingErrors: a mapping to a framework without a catalog, or
// to a control its catalog does not list, is a policy error naming the
// rule, its file and the bad key or id, for built-in and custom rules
// alike. Before, the typo became a framework of its own at 100% coverage,
// or one more control of a framework in reports only.
func TestControlMappingErrors(t *testing.T) {
	custom := strings.Replace(goodRule, "package tenet.test.good", "package acme.good", 1)
	tests := []struct {
		name    string
		builtin bool
		rule    string
		want    string // the whole message after the file name
	}{
		{
			name: "custom: framework key typo", rule: withControls(custom, `cis-aws-3.0: ["2.1.1"]`),
			want: `rule TST-GOOD-001: custom.controls: unknown framework "cis-aws-3.0" (did you mean "cis-aws-3.0.0"?)`,
		},
		{
			name: "builtin: framework key typo", builtin: true, rule: withControls(goodRule, `nist-800-53-rev5: ["SC-28"]`),
			want: `rule TST-GOOD-001: custom.controls: unknown framework "nist-800-53-rev5" (did you mean "nist-800-53-r5"?)`,
		},
		{
			name: "custom: framework key prefix", rule: withControls(custom, `cis-aws: ["2.1.1"]`),
			want: `rule TST-GOOD-001: custom.controls: unknown framework "cis-aws" (did you mean "cis-aws-1.5.0" or "cis-aws-3.0.0"?)`,
		},
		{
			name: "custom: framework nothing like", rule: withControls(custom, `iso27001: ["A.8.24"]`),
			want: `rule TST-GOOD-001: custom.controls: unknown framework "iso27001" (frameworks: cis-aws-1.5.0, cis-aws-3.0.0, gdpr, nist-800-53-r5)`,
		},
		{
			name: "custom: unknown control id", rule: withControls(custom, `nist-800-53-r5: ["SC-28", "AC-99"]`),
			want: `rule TST-GOOD-001: custom.controls: control "AC-99" is not in the nist-800-53-r5 catalog`,
		},
		{
			name: "builtin: unknown control id", builtin: true, rule: withControls(goodRule, `nist-800-53-r5: ["AC-99"]`),
			want: `rule TST-GOOD-001: custom.controls: control "AC-99" is not in the nist-800-53-r5 catalog`,
		},
		{
			name: "custom: control id in another case", rule: withControls(custom, `nist-800-53-r5: ["sc-28 (1)"]`),
			want: `rule TST-GOOD-001: custom.controls: control "sc-28 (1)" is not in the nist-800-53-r5 catalog (did you mean "SC-28(1)"?)`,
		},
		{
			name: "custom: control id one letter off", rule: withControls(custom, `nist-800-53-r5: ["SC-2B"]`),
			want: `rule TST-GOOD-001: custom.controls: control "SC-2B" is not in the nist-800-53-r5 catalog (did you mean "SC-28"?)`,
		},
		{
			name: "custom: control of a partial catalog", rule: withControls(custom, `gdpr: ["Art. 99"]`),
			want: `rule TST-GOOD-001: custom.controls: control "Art. 99" is not in the gdpr catalog (a partial catalog: it lists only the controls tenet's rules map to)`,
		},
		{
			name: "custom: no control ids", rule: withControls(custom, `nist-800-53-r5: []`),
			want: `rule TST-GOOD-001: custom.controls: framework "nist-800-53-r5" has no control ids`,
		},
		{
			name: "custom: every problem of the rule", rule: withControls(custom, `cis-aws-3.0: ["2.1.1"]`, `nist-800-53-r5: ["AC-99", "SC-28", "XX-1"]`),
			want: `rule TST-GOOD-001: custom.controls: unknown framework "cis-aws-3.0" (did you mean "cis-aws-3.0.0"?); control "AC-99" is not in the nist-800-53-r5 catalog; control "XX-1" is not in the nist-800-53-r5 catalog`,
		},
		{
			name: "custom: many unknown ids", rule: withControls(custom, `nist-800-53-r5: ["X-1", "X-2", "X-3", "X-4", "X-5", "X-6", "X-7"]`),
			want: `rule TST-GOOD-001: custom.controls: control "X-1" is not in the nist-800-53-r5 catalog; control "X-2" is not in the nist-800-53-r5 catalog; ` +
				`control "X-3" is not in the nist-800-53-r5 catalog; control "X-4" is not in the nist-800-53-r5 catalog; control "X-5" is not in the nist-800-53-r5 catalog; and 2 more`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var src catalog.Source
			if tc.builtin {
				src = builtin(map[string]string{"x.rego": tc.rule})
			} else {
				src = catalog.Source{Path: writeRego(t, tc.rule)}
			}
			_, err := catalog.Load(t.Context(), []catalog.Source{testFrameworks(), src}, catalog.Options{})
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *PolicyError", err)
			}
			file := "bundles/test/x.rego"
			if !tc.builtin {
				file = src.Path
			}
			if want := file + ": " + tc.want; err.Error() != want {
				t.Errorf("error\n got %s\nwant %s", err, want)
			}
		})
	}
}

// TestControlMappingNoCatalog: without any framework catalog loaded (a
// library user loading only their own bundle), a mapping is refused with
// the reason.
func TestControlMappingNoCatalog(t *testing.T) {
	_, err := catalog.Load(t.Context(), []catalog.Source{builtin(map[string]string{"x.rego": goodRule})}, catalog.Options{})
	want := `bundles/test/x.rego: rule TST-GOOD-001: custom.controls: no framework catalog is loaded to check nist-800-53-r5 against`
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

// TestControlMappingManyRules: one line names the first rule with a bad
// mapping and the others (up to five), so that a run does not hide them.
func TestControlMappingManyRules(t *testing.T) {
	rule := func(n int, controls string) string {
		return strings.NewReplacer("package tenet.test.good", fmt.Sprintf("package tenet.test.r%d", n), "TST-GOOD-001", fmt.Sprintf("TST-GOOD-%03d", n)).
			Replace(withControls(goodRule, controls))
	}
	files := map[string]string{
		"r1.rego": rule(1, `nist-800-53-r5: ["AC-99"]`),
		"r2.rego": rule(2, `gdpr: ["Art. 1"]`),
		"r3.rego": rule(3, `hipaa: ["x"]`),
		"r4.rego": rule(4, `nist-800-53-r5: ["AC-3"]`),
	}
	_, err := catalog.Load(t.Context(), []catalog.Source{testFrameworks(), builtin(files)}, catalog.Options{})
	want := `bundles/test/r1.rego: rule TST-GOOD-001: custom.controls: control "AC-99" is not in the nist-800-53-r5 catalog ` +
		`(and 2 more rules with bad control mappings: TST-GOOD-002 in bundles/test/r2.rego, TST-GOOD-003 in bundles/test/r3.rego)`
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	for n := 5; n <= 9; n++ {
		files[fmt.Sprintf("r%d.rego", n)] = rule(n, `hipaa: ["x"]`)
	}
	_, err = catalog.Load(t.Context(), []catalog.Source{testFrameworks(), builtin(files)}, catalog.Options{})
	want = `(and 7 more rules with bad control mappings: TST-GOOD-002 in bundles/test/r2.rego, TST-GOOD-003 in bundles/test/r3.rego, ` +
		`TST-GOOD-005 in bundles/test/r5.rego, TST-GOOD-006 in bundles/test/r6.rego, TST-GOOD-007 in bundles/test/r7.rego, ...)`
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error\n got %v\nwant the suffix %s", err, want)
	}
}

// TestControlMappingCustomCatalog: a framework catalog that comes with a
// bundle (as the frameworks bundle does) is known to the rules of every
// bundle, whichever is loaded first.
func TestControlMappingCustomCatalog(t *testing.T) {
	fw := catalog.Source{Path: "acme-frameworks", FS: fstest.MapFS{
		"acme.json": {Data: []byte(`{"acme-2025": {"title": "ACME baseline", "controls": {"ACME-1": {"title": "Own your data"}}}}`)},
	}}
	rule := catalog.Source{Path: writeRego(t, withControls(goodRule, `acme-2025: ["ACME-1"]`, `nist-800-53-r5: ["SC-28(1)"]`, `gdpr: ["Art. 32(1)(a)"]`))}
	for name, sources := range map[string][]catalog.Source{
		"catalogs first": {testFrameworks(), fw, rule},
		"catalogs last":  {rule, fw, testFrameworks()},
	} {
		t.Run(name, func(t *testing.T) {
			cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(cat.Rules) != 1 || len(cat.Rules[0].Controls) != 3 {
				t.Errorf("rules = %+v", cat.Rules)
			}
		})
	}
}

// TestControlMappingLarge: a mapping with many bad ids, or a very long one,
// is refused quickly (hints are searched for the first few only) in one
// line of bounded length.
func TestControlMappingLarge(t *testing.T) {
	fw, err := fs.Sub(bundles.FS, "frameworks")
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 20000)
	for i := range ids {
		ids[i] = fmt.Sprintf("%q", fmt.Sprintf("AC-%d", 1000+i))
	}
	ids[0] = fmt.Sprintf("%q", strings.Repeat("A", 1<<20))
	rule := withControls(goodRule, "nist-800-53-r5: ["+strings.Join(ids, ", ")+"]", strings.Repeat("x", 1000)+`: ["1"]`)
	start := time.Now()
	_, err = catalog.Load(t.Context(), []catalog.Source{{Path: "bundles/frameworks", FS: fw, Builtin: true}, builtin(map[string]string{"x.rego": rule})}, catalog.Options{})
	if err == nil || !strings.HasSuffix(err.Error(), "; and 19996 more") || len(err.Error()) > 1024 ||
		!strings.Contains(err.Error(), `control "`+strings.Repeat("A", 64)+`..." is not in the nist-800-53-r5 catalog`) {
		t.Errorf("error: %.300s ... (%d bytes)", err, len(fmt.Sprint(err)))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

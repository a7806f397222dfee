package catalog_test

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
)

// derivedBase is a small base catalog for the derived frameworks of the
// tests: three controls, one enhancement.
const derivedBase = `{"nist-800-53-r5": {"title": "NIST", "controls": {
	"AC-3": {"title": "Access Enforcement", "family": "Access Control"},
	"SC-12": {"title": "Key Management", "family": "System and Communications Protection"},
	"SC-28": {"title": "Protection of Information at Rest", "family": "System and Communications Protection"},
	"SC-28(1)": {"title": "Protection of Information at Rest | Cryptographic Protection", "family": "System and Communications Protection"}}}}`

// derivedSource is a frameworks bundle of the base catalog and the
// derived catalogs given, one file each.
func derivedSource(files map[string]string) catalog.Source {
	fsys := fstest.MapFS{"nist.json": {Data: []byte(derivedBase)}}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return catalog.Source{Path: "bundles/frameworks", Builtin: true, FS: fsys}
}

const (
	goodProfile   = `{"base-moderate": {"title": "Moderate", "profile_of": "nist-800-53-r5", "select": ["AC-3", "SC-28"]}}`
	goodCrosswalk = `{"iso-x": {"title": "ISO X", "controls": {"A.1": {"title": "Crypto"}, "A.2": {"title": "Records"}, "A.3": {"title": "Access"}},
		"derived_from": {"framework": "nist-800-53-r5", "map": {"A.1": ["SC-12"], "A.2": ["SC-28"], "A.3": ["AC-3"]}}}}`
)

// TestDerivedExpansion: a rule's mappings to the base framework become
// controls of every profile that selects them and of every crosswalked
// control they relate to; the profile's controls take the base's titles.
func TestDerivedExpansion(t *testing.T) {
	tests := []struct {
		name     string
		controls string // the rule's nist-800-53-r5 ids
		want     map[string][]string
	}{
		{
			name: "selected and related", controls: `["AC-3", "SC-12"]`,
			want: map[string][]string{"nist-800-53-r5": {"AC-3", "SC-12"}, "base-moderate": {"AC-3"}, "iso-x": {"A.1", "A.3"}},
		},
		{
			name: "not selected, related", controls: `["SC-12"]`,
			want: map[string][]string{"nist-800-53-r5": {"SC-12"}, "iso-x": {"A.1"}},
		},
		{
			// The profile selects SC-28 but not SC-28(1): a profile is
			// exact. The crosswalk relates SC-28, so its enhancement counts.
			name: "enhancement", controls: `["SC-28(1)"]`,
			want: map[string][]string{"nist-800-53-r5": {"SC-28(1)"}, "iso-x": {"A.2"}},
		},
		{
			name: "base and enhancement, ids once", controls: `["SC-28(1)", "SC-28"]`,
			want: map[string][]string{"nist-800-53-r5": {"SC-28(1)", "SC-28"}, "base-moderate": {"SC-28"}, "iso-x": {"A.2"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rule := withControls(goodRule, "nist-800-53-r5: "+tc.controls)
			src := derivedSource(map[string]string{"moderate.json": goodProfile, "iso.json": goodCrosswalk})
			cat, err := catalog.Load(t.Context(), []catalog.Source{src, builtin(map[string]string{"x.rego": rule})}, catalog.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := cat.Rules[0].Controls; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("controls = %v, want %v", got, tc.want)
			}
			p := cat.Frameworks["base-moderate"]
			if len(p.Controls) != 2 || p.Controls["SC-28"].Title != "Protection of Information at Rest" || p.Controls["AC-3"].Family != "Access Control" {
				t.Errorf("profile controls = %v", p.Controls)
			}
		})
	}
}

// TestDerivedRuleWithoutBase: a rule that does not map to the base
// framework gets no derived controls.
func TestDerivedRuleWithoutBase(t *testing.T) {
	rule := withControls(goodRule, `gdpr: ["Art. 32(1)(a)"]`)
	src := derivedSource(map[string]string{"moderate.json": goodProfile, "iso.json": goodCrosswalk,
		"gdpr.json": `{"gdpr": {"title": "GDPR", "controls": {"Art. 32(1)(a)": {"title": "Encryption"}}}}`})
	cat, err := catalog.Load(t.Context(), []catalog.Source{src, builtin(map[string]string{"x.rego": rule})}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cat.Rules[0].Controls, map[string][]string{"gdpr": {"Art. 32(1)(a)"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("controls = %v, want %v", got, want)
	}
}

// TestDerivedErrors: a derived framework whose definition is wrong, and a
// rule that maps to a derived framework by hand, are load errors in one
// line naming the file and the problem.
func TestDerivedErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		rule  string // the rule's controls block; "" keeps goodRule's
		want  string
	}{
		{
			name:  "profile: unknown base framework",
			files: map[string]string{"p.json": `{"p": {"title": "P", "profile_of": "nist-800-53", "select": ["AC-3"]}}`},
			want:  `bundles/frameworks/p.json: framework p: profile_of: unknown framework "nist-800-53" (did you mean "nist-800-53-r5"?)`,
		},
		{
			name:  "profile: control not in base",
			files: map[string]string{"p.json": `{"p": {"title": "P", "profile_of": "nist-800-53-r5", "select": ["AC-3", "SC-99", "sc-28"]}}`},
			want:  `bundles/frameworks/p.json: framework p: control "SC-99" is not in the nist-800-53-r5 catalog; control "sc-28" is not in the nist-800-53-r5 catalog (did you mean "SC-28"?)`,
		},
		{
			name:  "profile: id selected twice",
			files: map[string]string{"p.json": `{"p": {"title": "P", "profile_of": "nist-800-53-r5", "select": ["AC-3", "AC-3"]}}`},
			want:  `bundles/frameworks/p.json: framework p: control "AC-3" selected twice`,
		},
		{
			name:  "profile: empty",
			files: map[string]string{"p.json": `{"p": {"title": "P", "profile_of": "nist-800-53-r5"}}`},
			want:  `bundles/frameworks/p.json: framework p: select lists no control`,
		},
		{
			name:  "profile: own controls",
			files: map[string]string{"p.json": `{"p": {"title": "P", "profile_of": "nist-800-53-r5", "select": ["AC-3"], "controls": {"AC-3": {"title": "x"}}}}`},
			want:  `bundles/frameworks/p.json: framework p: a profile lists the ids it selects in select, not controls (titles come from nist-800-53-r5)`,
		},
		{
			name: "profile of a profile",
			files: map[string]string{"moderate.json": goodProfile,
				"p.json": `{"p": {"title": "P", "profile_of": "base-moderate", "select": ["AC-3"]}}`},
			want: `bundles/frameworks/p.json: framework p: profile_of: framework "base-moderate" is itself derived from "nist-800-53-r5"; derive from "nist-800-53-r5" directly`,
		},
		{
			name:  "profile of itself",
			files: map[string]string{"p.json": `{"p": {"title": "P", "profile_of": "p", "select": ["AC-3"]}}`},
			want:  `bundles/frameworks/p.json: framework p: profile_of names the framework itself`,
		},
		{
			name: "both kinds",
			files: map[string]string{"p.json": `{"p": {"title": "P", "profile_of": "nist-800-53-r5", "select": ["AC-3"],
				"derived_from": {"framework": "nist-800-53-r5", "map": {}}}}`},
			want: `bundles/frameworks/p.json: framework p: profile_of and derived_from both set: a framework is either a profile of its base or a crosswalk from it`,
		},
		{
			name: "crosswalk: unknown base framework",
			files: map[string]string{"iso.json": `{"iso-x": {"title": "ISO X", "controls": {"A.1": {"title": "Crypto"}},
				"derived_from": {"framework": "nist-r5", "map": {"A.1": ["SC-12"]}}}}`},
			want: `bundles/frameworks/iso.json: framework iso-x: derived_from.framework: unknown framework "nist-r5" (frameworks: nist-800-53-r5)`,
		},
		{
			name: "crosswalk: base control unknown",
			files: map[string]string{"iso.json": `{"iso-x": {"title": "ISO X", "controls": {"A.1": {"title": "Crypto"}},
				"derived_from": {"framework": "nist-800-53-r5", "map": {"A.1": ["SC-12", "SC-13"]}}}}`},
			want: `bundles/frameworks/iso.json: framework iso-x: derived_from.map[A.1]: control "SC-13" is not in the nist-800-53-r5 catalog (did you mean "SC-12"?)`,
		},
		{
			name: "crosswalk: derived control not its own",
			files: map[string]string{"iso.json": `{"iso-x": {"title": "ISO X", "controls": {"A.1": {"title": "Crypto"}},
				"derived_from": {"framework": "nist-800-53-r5", "map": {"A.1": ["SC-12"], "A.9": ["AC-3"]}}}}`},
			want: `bundles/frameworks/iso.json: framework iso-x: derived_from.map: control "A.9" is not in the framework's own controls`,
		},
		{
			name: "crosswalk: empty map",
			files: map[string]string{"iso.json": `{"iso-x": {"title": "ISO X", "controls": {"A.1": {"title": "Crypto"}},
				"derived_from": {"framework": "nist-800-53-r5", "map": {}}}}`},
			want: `bundles/frameworks/iso.json: framework iso-x: derived_from.map relates no control`,
		},
		{
			name:  "rule maps to a profile by hand",
			files: map[string]string{"moderate.json": goodProfile},
			rule:  `base-moderate: ["AC-3"]`,
			want: `bundles/test/x.rego: rule TST-GOOD-001: custom.controls: framework "base-moderate" is a profile of nist-800-53-r5 and takes its controls ` +
				`from the rules' nist-800-53-r5 mappings: map the rule to nist-800-53-r5 instead`,
		},
		{
			name:  "rule maps to a crosswalk by hand",
			files: map[string]string{"iso.json": goodCrosswalk},
			rule:  `iso-x: ["A.1"]`,
			want: `bundles/test/x.rego: rule TST-GOOD-001: custom.controls: framework "iso-x" is derived through a crosswalk from nist-800-53-r5 and takes its controls ` +
				`from the rules' nist-800-53-r5 mappings: map the rule to nist-800-53-r5 instead`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rule := goodRule
			if tc.rule != "" {
				rule = withControls(goodRule, tc.rule)
			}
			_, err := catalog.Load(t.Context(), []catalog.Source{derivedSource(tc.files), builtin(map[string]string{"x.rego": rule})}, catalog.Options{})
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *PolicyError", err)
			}
			if err.Error() != tc.want {
				t.Errorf("error\n got %s\nwant %s", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line: %q", err)
			}
		})
	}
}

// TestDerivedBuiltinFrameworks: the shipped FedRAMP profiles and the ISO
// crosswalk load against the shipped NIST catalog with their sizes, and
// a built-in rule mapped to SC-28 covers FedRAMP Moderate's SC-28.
func TestDerivedBuiltinFrameworks(t *testing.T) {
	fw, err := fs.Sub(bundles.FS, "frameworks")
	if err != nil {
		t.Fatal(err)
	}
	rule := withControls(goodRule, `nist-800-53-r5: ["SC-28", "SC-13"]`)
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "bundles/frameworks", FS: fw, Builtin: true}, builtin(map[string]string{"x.rego": rule})}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for key, n := range map[string]int{"fedramp-low": 156, "fedramp-moderate": 323, "fedramp-high": 410, "iso-27001-2022": 93} {
		if got := len(cat.Frameworks[key].Controls); got != n {
			t.Errorf("%s: %d controls, want %d", key, got, n)
		}
	}
	want := map[string][]string{
		"nist-800-53-r5":   {"SC-28", "SC-13"},
		"fedramp-low":      {"SC-13", "SC-28"},
		"fedramp-moderate": {"SC-13", "SC-28"},
		"fedramp-high":     {"SC-13", "SC-28"},
		"iso-27001-2022":   {"A.5.10", "A.5.33", "A.8.24", "A.8.26"},
	}
	if got := cat.Rules[0].Controls; !reflect.DeepEqual(got, want) {
		t.Errorf("controls = %v, want %v", got, want)
	}
}

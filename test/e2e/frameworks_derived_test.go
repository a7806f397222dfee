package e2e

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// derivedKeys are the shipped derived frameworks with their number of
// controls: the FedRAMP Rev. 5 baselines (profiles of NIST SP 800-53 r5)
// and ISO/IEC 27001:2022 Annex A (a crosswalk from it).
var derivedKeys = map[string]int{"fedramp-low": 156, "fedramp-moderate": 323, "fedramp-high": 410, "iso-27001-2022": 93}

type coverageRow struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Controls int    `json:"controls"`
	Covered  int    `json:"covered"`
	Rules    int    `json:"rules"`
}

// frameworksCoverage runs `tenet frameworks -o json` with args.
func frameworksCoverage(t *testing.T, args ...string) map[string]coverageRow {
	t.Helper()
	res := run(t, "", append([]string{"frameworks", "-o", "json"}, args...)...)
	if res.code != 0 {
		t.Fatalf("frameworks: exit %d: %s", res.code, res.stderr)
	}
	var rows []coverageRow
	if err := json.Unmarshal([]byte(res.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]coverageRow{}
	for _, r := range rows {
		out[r.ID] = r
	}
	return out
}

// TestDerivedFrameworksList: `tenet frameworks` lists the FedRAMP profiles
// and the ISO crosswalk with their whole catalogs and a coverage that
// comes from the built-in rules' NIST mappings: never more covered
// controls or rules than NIST itself has, and High covers at least what
// Moderate does, Moderate what Low does (each selects the one before).
func TestDerivedFrameworksList(t *testing.T) {
	cov := frameworksCoverage(t)
	nist := cov["nist-800-53-r5"]
	for key, n := range derivedKeys {
		c, ok := cov[key]
		if !ok {
			t.Errorf("%s is not listed", key)
			continue
		}
		if c.Controls != n || c.Covered == 0 || c.Covered > c.Controls || c.Rules == 0 || c.Rules > nist.Rules {
			t.Errorf("%s: %+v, want %d controls, some covered by at most the %d NIST rules", key, c, n, nist.Rules)
		}
	}
	if lo, mod, hi := cov["fedramp-low"].Covered, cov["fedramp-moderate"].Covered, cov["fedramp-high"].Covered; lo > mod || mod > hi || hi > nist.Covered {
		t.Errorf("covered: low %d, moderate %d, high %d, nist %d; want low <= moderate <= high <= nist", lo, mod, hi, nist.Covered)
	}
	res := run(t, "", "frameworks")
	if res.code != 0 {
		t.Fatalf("frameworks: exit %d: %s", res.code, res.stderr)
	}
	// Column widths follow the longest key, so words are matched, not spacing.
	for _, want := range []string{`fedramp-moderate +FedRAMP Rev\. 5 Moderate baseline`, `iso-27001-2022 +ISO/IEC 27001:2022 Annex A`} {
		if !regexp.MustCompile(want).MatchString(res.stdout) {
			t.Errorf("frameworks table has no %q:\n%s", want, res.stdout)
		}
	}
}

// TestDerivedFrameworksScan: `tenet test --framework fedramp-moderate`
// runs the rules mapped to NIST controls that FedRAMP Moderate selects and
// reports the profile as a framework of its own, with as many covered
// controls as `tenet frameworks` says; every output format stays valid.
func TestDerivedFrameworksScan(t *testing.T) {
	const plan = "test/examples/plan.json"
	cov := frameworksCoverage(t)
	for _, key := range []string{"fedramp-moderate", "iso-27001-2022"} {
		t.Run(key, func(t *testing.T) {
			res := run(t, "", "test", "--framework", key, plan)
			if res.code != 1 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			title := cov[key].Title
			if !strings.Contains(res.stdout, title+" ("+key+"):") {
				t.Errorf("table has no section for %s (%s):\n%s", key, title, res.stdout)
			}
			res = run(t, "", "test", "--framework", key, "-o", "json", plan)
			var out struct {
				Frameworks []struct {
					ID       string           `json:"id"`
					Covered  int              `json:"covered"`
					Controls []map[string]any `json:"controls"`
				} `json:"frameworks"`
				Rules []struct {
					Rule struct {
						Controls map[string][]string `json:"controls"`
					} `json:"rule"`
				} `json:"rules"`
			}
			if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
				t.Fatal(err)
			}
			if len(out.Frameworks) != 1 || out.Frameworks[0].ID != key {
				t.Fatalf("frameworks of the scan: %+v, want %s only", out.Frameworks, key)
			}
			fw := out.Frameworks[0]
			if len(fw.Controls) != derivedKeys[key] || fw.Covered != cov[key].Covered {
				t.Errorf("%s: %d controls, %d covered; want %d, %d as `tenet frameworks`", key, len(fw.Controls), fw.Covered, derivedKeys[key], cov[key].Covered)
			}
			if len(out.Rules) == 0 {
				t.Fatal("no rule ran")
			}
			for _, r := range out.Rules {
				if len(r.Rule.Controls[key]) == 0 || len(r.Rule.Controls) != 1 {
					t.Errorf("a rule of the scan has controls %v, want %s only", r.Rule.Controls, key)
				}
			}
		})
	}
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	res := run(t, "", "test", "--framework", "fedramp-moderate", "-o", "oscal="+out("fw.oscal.json"), "-o", "sarif="+out("fw.sarif"),
		"-o", "junit="+out("fw.xml"), "-o", "html="+out("fw.html"), "-o", "markdown="+out("fw.md"), plan)
	if res.code != 1 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	res = run(t, "", "test", "-o", "oscal="+out("all.oscal.json"), "-o", "sarif="+out("all.sarif"), plan)
	if res.code != 1 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, f := range []string{"fw.oscal.json", "all.oscal.json"} {
		validateFile(t, schemaFile(t, "oscal_complete_schema-1-1-3.json"), out(f))
	}
	for _, f := range []string{"fw.sarif", "all.sarif"} {
		validateFile(t, schemaFile(t, "sarif-schema-2.1.0.json"), out(f))
	}
	checkHTMLFile(t, out("fw.html"))
	for f, want := range map[string]string{"fw.md": "FedRAMP Rev. 5 Moderate baseline: ", "all.oscal.json": `"fedramp-moderate/SC-28"`, "fw.xml": `<testsuite name="test/examples/plan.json"`} {
		data, err := os.ReadFile(out(f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s has no %s", f, want)
		}
		if strings.HasSuffix(f, ".xml") {
			if err := xml.Unmarshal(data, new(struct{})); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
}

// TestDerivedFrameworksHandMapping: a custom rule that maps to a derived
// framework by hand is refused at load, in one line that says where its
// controls come from.
func TestDerivedFrameworksHandMapping(t *testing.T) {
	dir := t.TempDir()
	policy := strings.Replace(typoPolicy, `#     cis-aws-3.0: ["2.1.1"]`+"\n", "", 1)
	policy = strings.Replace(policy, `nist-800-53-r5: ["AC-99", "SC-28"]`, `fedramp-moderate: ["SC-28"]`, 1)
	if err := os.WriteFile(filepath.Join(dir, "x.rego"), []byte(policy), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runIn(t, dir, "", "frameworks", "-p", "x.rego")
	const want = `tenet: x.rego: rule ACME-TAG-001: custom.controls: framework "fedramp-moderate" is a profile of nist-800-53-r5 and takes its controls ` +
		`from the rules' nist-800-53-r5 mappings: map the rule to nist-800-53-r5 instead` + "\n"
	if res.code != 2 || res.stderr != want {
		t.Errorf("exit %d, stderr\n got %q\nwant %q", res.code, res.stderr, want)
	}
}

package catalog_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

const goodRule = `# METADATA
# title: Things are good
# description: A test rule.
# scope: package
# related_resources:
#   - https://example.com/rule
# custom:
#   id: TST-GOOD-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [thing]
#   controls:
#     nist-800-53-r5: ["AC-3"]
#   remediation: Make it good.
package tenet.test.good

import rego.v1

deny contains "bad" if input.bad

warn contains "meh" if input.meh

unknown contains "?" if input.maybe
`

func builtin(files map[string]string) catalog.Source {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return catalog.Source{Path: "bundles/test", FS: fsys, Builtin: true}
}

func TestLoadNativeRule(t *testing.T) {
	src := builtin(map[string]string{
		".manifest":      `{"revision": "1.0.0", "roots": ["tenet/test"], "metadata": {"name": "tenet-test"}}`,
		"good.rego":      goodRule,
		"good_test.rego": "package tenet.test.good_test\n\nimport rego.v1\n\ntest_x if true\n",
		"nist.json":      `{"nist-800-53-r5": {"title": "NIST", "controls": {"AC-3": {"title": "Access Enforcement", "family": "Access Control"}}}}`,
	})
	cat, err := catalog.Load(t.Context(), []catalog.Source{src}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []finding.Rule{{
		ID:          "TST-GOOD-001",
		Title:       "Things are good",
		Description: "A test rule.",
		Severity:    finding.SeverityMedium,
		Package:     "tenet.test.good",
		Selectors:   []finding.Selector{{Type: "terraform", ResourceTypes: []string{"thing"}}},
		Controls:    map[string][]string{"nist-800-53-r5": {"AC-3"}},
		Remediation: "Make it good.",
		References:  []string{"https://example.com/rule"},
		Bundle:      "tenet-test",
		File:        "bundles/test/good.rego",
	}}
	if diff := cmp.Diff(want, cat.Rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	var refs []string
	for _, ev := range cat.Evals {
		refs = append(refs, ev.Ref+":"+string(ev.Kind))
	}
	wantRefs := []string{"data.tenet.test.good.deny:deny", "data.tenet.test.good.unknown:unknown", "data.tenet.test.good.warn:warn"}
	if diff := cmp.Diff(wantRefs, refs); diff != "" {
		t.Errorf("evals (-want +got):\n%s", diff)
	}
	m := cat.Modules["bundles/test/good.rego"]
	if m == nil || m.Rules[0].Location.File != "bundles/test/good.rego" || m.Annotations[0].Location.File != "bundles/test/good.rego" ||
		m.Rules[0].Body[0].Location.File != "bundles/test/good.rego" {
		t.Error("locations of an embedded module must name it as reports do")
	}
	if _, ok := cat.Modules["bundles/test/good_test.rego"]; ok {
		t.Error("test modules must not be compiled into the engine")
	}
	if got := cat.Frameworks["nist-800-53-r5"].Controls["AC-3"].Title; got != "Access Enforcement" {
		t.Errorf("control title = %q", got)
	}
	if diff := cmp.Diff([]finding.Bundle{{Name: "tenet-test", Revision: "1.0.0", Source: "builtin"}}, cat.Bundles); diff != "" {
		t.Errorf("bundles (-want +got):\n%s", diff)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		wantErr string
	}{
		{
			name:    "builtin rule without metadata",
			files:   map[string]string{"x.rego": "package tenet.test.x\n\nimport rego.v1\n\ndeny contains 1 if true\n"},
			wantErr: "bundles/test/x.rego: package tenet.test.x has no METADATA with custom.id",
		},
		{
			name:    "missing fields",
			files:   map[string]string{"x.rego": strings.Replace(strings.Replace(goodRule, "#   severity: medium\n", "", 1), "#   remediation: Make it good.\n", "", 1)},
			wantErr: "bundles/test/x.rego: METADATA of tenet.test.good: custom.severity: unknown severity \"\" (want low, medium, high or critical); custom.remediation is missing",
		},
		{
			name:    "bad id",
			files:   map[string]string{"x.rego": strings.Replace(goodRule, "TST-GOOD-001", "bad id", 1)},
			wantErr: `custom.id "bad id" is not of the form ABC-DEF-001`,
		},
		{
			// Accepted and ignored before: a rule author would believe an
			// old id still matched waivers and baselines.
			name:    "aliases are not supported",
			files:   map[string]string{"x.rego": strings.Replace(goodRule, "#   severity: medium\n", "#   severity: medium\n#   aliases: [OLD-RULE-001]\n", 1)},
			wantErr: `unknown field "aliases"`,
		},
		{
			name:    "deprecated is not supported",
			files:   map[string]string{"x.rego": strings.Replace(goodRule, "#   severity: medium\n", "#   severity: medium\n#   deprecated: true\n", 1)},
			wantErr: `unknown field "deprecated"`,
		},
		{
			name:    "unknown metadata key",
			files:   map[string]string{"x.rego": strings.Replace(goodRule, "#   severity: medium\n", "#   severity: medium\n#   sevrity: high\n", 1)},
			wantErr: `unknown field "sevrity"`,
		},
		{
			name: "duplicate id",
			files: map[string]string{
				"a.rego": goodRule,
				"b.rego": strings.Replace(goodRule, "package tenet.test.good", "package tenet.test.other", 1),
			},
			wantErr: "rule id TST-GOOD-001 is also used in",
		},
		{
			name:    "syntax error",
			files:   map[string]string{"x.rego": "package tenet.test.x\n\ndeny contains if {\n"},
			wantErr: "rego_parse_error",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := catalog.Load(t.Context(), []catalog.Source{builtin(tc.files)}, catalog.Options{})
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *PolicyError", err)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not contain %q", err, tc.wantErr)
			}
		})
	}
}

const conftestPolicy = `package main

import rego.v1

deny contains msg if {
	input.kind == "Deployment"
	msg := "no"
}

violation_x contains {"msg": "v"} if input.v

warn if input.w
`

func TestCustomPolicies(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("policy/main.rego", conftestPolicy)
	write("policy/other.rego", "package other\n\nimport rego.v1\n\ndeny contains \"o\" if true\n")
	write("policy/main_test.rego", "package main_test\n\nimport rego.v1\n\ntest_a if true\n")
	write("data/allowed.yaml", "allowed:\n  - a\n")
	single := write("single.rego", strings.Replace(goodRule, "package tenet.test.good", "package custom.good", 1))

	tests := []struct {
		name string
		opts catalog.Options
		want []string
	}{
		{name: "default namespace main", want: []string{"TST-GOOD-001", "main.deny", "main.violation_x", "main.warn"}},
		{name: "named namespace", opts: catalog.Options{Namespaces: []string{"other"}}, want: []string{"TST-GOOD-001", "other.deny"}},
		{name: "all namespaces", opts: catalog.Options{AllNamespaces: true}, want: []string{"TST-GOOD-001", "main.deny", "main.violation_x", "main.warn", "other.deny"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.DataPaths = []string{filepath.Join(dir, "data")}
			cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: filepath.Join(dir, "policy")}, {Path: single}, testFrameworks()}, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range cat.Rules {
				ids = append(ids, r.ID)
			}
			if diff := cmp.Diff(tc.want, ids); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
			for _, r := range cat.Rules {
				if r.ID == "main.deny" && r.File != filepath.ToSlash(filepath.Join(dir, "policy", "main.rego")) {
					t.Errorf("file of main.deny = %q", r.File)
				}
			}
			if _, ok := cat.Data["allowed"]; !ok {
				t.Errorf("data not loaded: %v", cat.Data)
			}
		})
	}
}

func TestBundleArchivePathTraversal(t *testing.T) {
	path := writeArchive(t, map[string]string{"../../evil.rego": "package main\n\nimport rego.v1\n\ndeny contains 1 if true\n"})
	_, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}}, catalog.Options{})
	if err == nil || !strings.Contains(err.Error(), `bundle entry "../../evil.rego" points outside the bundle`) {
		t.Errorf("want a path traversal error, got %v", err)
	}
}

// writeArchive writes a .tar.gz bundle with the given files.
func writeArchive(t testing.TB, files map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bundle.tar.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBundleArchive(t *testing.T) {
	path := writeArchive(t, map[string]string{
		"/.manifest": `{"revision": "2.0.0", "roots": ["tenet/test"], "metadata": {"name": "archived"}}`,
		"/good.rego": goodRule,
	})
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}, testFrameworks()}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Rules) != 1 || cat.Rules[0].ID != "TST-GOOD-001" {
		t.Errorf("rules = %+v", cat.Rules)
	}
	if diff := cmp.Diff([]finding.Bundle{{Name: "archived", Revision: "2.0.0", Source: path}}, cat.Bundles[:1]); diff != "" {
		t.Errorf("bundles (-want +got):\n%s", diff)
	}
}

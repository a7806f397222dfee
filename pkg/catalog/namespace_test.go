package catalog_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// writePolicies writes one conftest-style module per package (a package
// named lib.* has no rules) and returns the directory.
func writePolicies(t *testing.T, pkgs ...string) string {
	t.Helper()
	dir := t.TempDir()
	for i, p := range pkgs {
		body := "package " + p + "\n\nimport rego.v1\n\n"
		if strings.HasPrefix(p, "lib") {
			body += "helper := true\n"
		} else {
			body += "deny contains \"x\" if input.x\n"
		}
		name := filepath.Join(dir, strings.ReplaceAll(p, ".", "_")+string(rune('a'+i))+".rego")
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNamespacePatterns checks --namespace against conftest's rules
// (runner/test.go in conftest v0.71.1): literal names unless a value holds
// *, ? or [, then path.Match patterns for every value, where * crosses dots.
func TestNamespacePatterns(t *testing.T) {
	dir := writePolicies(t, "main", "main.gke", "k8s.a", "k8s.bb", "a.x", "b.y", "lib.util")
	tests := []struct {
		name    string
		opts    catalog.Options
		want    []string // packages whose rules run
		wantErr string
	}{
		{name: "default main", want: []string{"main"}},
		{name: "literal", opts: catalog.Options{Namespaces: []string{"main.gke"}}, want: []string{"main.gke"}},
		{name: "literal is not a prefix", opts: catalog.Options{Namespaces: []string{"main", "k8s.a"}}, want: []string{"k8s.a", "main"}},
		{name: "star matches every package", opts: catalog.Options{Namespaces: []string{"*"}}, want: []string{"a.x", "b.y", "k8s.a", "k8s.bb", "main", "main.gke"}},
		{name: "main.*", opts: catalog.Options{Namespaces: []string{"main.*"}}, want: []string{"main.gke"}},
		{name: "question mark is one character", opts: catalog.Options{Namespaces: []string{"k8s.?"}}, want: []string{"k8s.a"}},
		{name: "class", opts: catalog.Options{Namespaces: []string{"[ab]*"}}, want: []string{"a.x", "b.y"}},
		{name: "star crosses dots", opts: catalog.Options{Namespaces: []string{"k*b"}}, want: []string{"k8s.bb"}},
		{name: "one pattern makes every value a pattern", opts: catalog.Options{Namespaces: []string{"main", "k8s.*"}}, want: []string{"k8s.a", "k8s.bb", "main"}},
		{name: "all namespaces wins", opts: catalog.Options{AllNamespaces: true, Namespaces: []string{"nope"}}, want: []string{"a.x", "b.y", "k8s.a", "k8s.bb", "main", "main.gke"}},
		{name: "bad pattern", opts: catalog.Options{Namespaces: []string{"main", "k8s.["}}, wantErr: `namespace "k8s.[": syntax error in pattern`},
		{name: "literal matching nothing", opts: catalog.Options{Namespaces: []string{"main", "notpresent"}},
			wantErr: `namespace "notpresent" matches no package with deny, warn or violation rules (the policies have them in a.x, b.y, k8s.a, k8s.bb, main, main.gke)`},
		{name: "pattern matching nothing", opts: catalog.Options{Namespaces: []string{"k8s.?", "gke.*"}}, wantErr: `namespace "gke.*" matches no package`},
		{name: "package without rules", opts: catalog.Options{Namespaces: []string{"lib.util"}}, wantErr: `namespace "lib.util" matches no package with deny, warn or violation rules`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: dir}}, tc.opts)
			if tc.wantErr != "" {
				var pe *catalog.PolicyError
				if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want a *PolicyError with %q", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error is not one line: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range cat.Rules {
				got = append(got, r.Package)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("packages run (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaultNamespaceWithoutMain: conftest runs nothing and passes when
// no policy is in package main; tenet refuses, naming the packages.
func TestDefaultNamespaceWithoutMain(t *testing.T) {
	dir := writePolicies(t, "k8s.a", "lib.util")
	_, err := catalog.Load(t.Context(), []catalog.Source{{Path: dir}}, catalog.Options{})
	want := "no deny, warn or violation rules in package main, the default namespace (the policies have them in k8s.a): choose them with --namespace or --all-namespaces"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
	// Policies without conftest-style rules (tenet rules, libraries) need
	// no namespace.
	lib := writePolicies(t, "lib.util")
	if _, err := catalog.Load(t.Context(), []catalog.Source{{Path: lib}}, catalog.Options{}); err != nil {
		t.Errorf("library only: %v", err)
	}
	if _, err := catalog.Load(t.Context(), []catalog.Source{{Path: lib}}, catalog.Options{Namespaces: []string{"main"}}); err == nil ||
		!strings.Contains(err.Error(), `namespace "main" matches no package with deny, warn or violation rules (the policies have none)`) {
		t.Errorf("explicit namespace, library only: %v", err)
	}
}

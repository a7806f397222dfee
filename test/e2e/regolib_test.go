package e2e

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/test/golden"
)

// TestRegoLibDoc keeps docs/rego-lib.md, the reference of the rego/lib
// helpers and fixtures, generated from the library itself: each package's
// METADATA title and description, and each public rule or function with the
// comment above it. A public helper without a comment fails the test.
func TestRegoLibDoc(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot, "rego/lib/*.rego"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# The Rego library (`data.tenet.lib`)\n\n" +
		"Generated from `rego/lib` by `go test ./test/e2e -run TestRegoLibDoc -update`: the helpers rules\n" +
		"import (`import data.tenet.lib.terraform`) and the fixtures their tests build inputs with. Names\n" +
		"starting with `_` are private and not listed.\n")
	sort.Strings(files)
	for _, file := range files {
		if strings.HasSuffix(file, "_test.rego") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		mod, err := ast.ParseModuleWithOpts(filepath.Base(file), string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
		b.WriteString("\n## `" + pkg + "`\n")
		for _, a := range mod.Annotations {
			if a.Scope == "package" {
				b.WriteString("\n" + a.Title + ". " + strings.TrimSpace(a.Description) + "\n")
			}
		}
		comments := map[int]string{}
		for _, c := range mod.Comments {
			comments[c.Location.Row] = strings.TrimSpace(string(c.Text))
		}
		seen := map[string]bool{}
		for _, r := range mod.Rules {
			name := r.Head.Name.String()
			if len(r.Head.Reference) > 0 {
				name = r.Head.Reference.String()
			}
			if strings.HasPrefix(name, "_") || seen[name] {
				continue
			}
			seen[name] = true
			var doc []string
			for row := r.Location.Row - 1; comments[row] != ""; row-- {
				doc = append([]string{comments[row]}, doc...)
			}
			sig := name
			if len(r.Head.Args) > 0 {
				args := make([]string, len(r.Head.Args))
				for i, a := range r.Head.Args {
					args[i] = a.String()
				}
				sig += "(" + strings.Join(args, ", ") + ")"
			}
			if len(doc) == 0 {
				t.Errorf("%s: %s.%s has no comment", filepath.Base(file), pkg, sig)
			}
			b.WriteString("\n- `" + sig + "`: " + strings.Join(doc, " ") + "\n")
		}
	}
	path := filepath.Join(repoRoot, "docs", "rego-lib.md")
	if golden.Updating() {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("docs/rego-lib.md is stale; run go test ./test/e2e -run TestRegoLibDoc -update (-file +generated):\n%s", diff)
	}
}

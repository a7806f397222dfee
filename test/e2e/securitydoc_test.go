package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSecurityDocTests keeps docs/security.md honest: every test or fuzz
// target it names as the proof of a defence exists in the repository, and
// every row of its table names at least one.
func TestSecurityDocTests(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repoRoot, "docs/security.md"))
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	funcRE := regexp.MustCompile(`(?m)^func ((?:Test|Fuzz)\w+)\(`)
	err = filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "bin") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range funcRE.FindAllStringSubmatch(string(src), -1) {
			defined[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	nameRE := regexp.MustCompile("`((?:Test|Fuzz)[A-Za-z0-9_]+)")
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| property") {
			continue
		}
		cells := strings.Split(line, " | ")
		names := nameRE.FindAllStringSubmatch(line, -1)
		if len(names) == 0 && !strings.Contains(cells[len(cells)-1], "CI") {
			t.Errorf("row %q names no test", cells[0])
		}
		for _, m := range names {
			if !defined[m[1]] {
				t.Errorf("docs/security.md names %s, which no test file defines", m[1])
			}
		}
	}
}

// TestDeepNesting: inputs nested 100,000 levels deep (JSON arrays, JSON
// objects, YAML flow sequences) are one error line each, exit 3, and the
// good input beside them is still evaluated.
func TestDeepNesting(t *testing.T) {
	dir := t.TempDir()
	const n = 100000
	files := map[string]string{
		"arrays.json":  strings.Repeat("[", n) + strings.Repeat("]", n),
		"objects.json": strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n),
		"flow.yaml":    "x: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	good, err := filepath.Abs(filepath.Join(repoRoot, "test/examples/k8s.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, "", "test", dir, good)
	if res.code != 3 {
		t.Errorf("exit %d, want 3", res.code)
	}
	for name := range files {
		if !strings.Contains(res.stderr, name+":") || !strings.Contains(res.stderr, "max depth") {
			t.Errorf("stderr does not give a depth error for %s:\n%s", name, res.stderr)
		}
	}
	if !strings.Contains(res.stdout, "k8s.yaml") {
		t.Errorf("the good input was not reported:\n%s", res.stdout)
	}
}

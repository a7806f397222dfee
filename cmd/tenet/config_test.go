package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inRepo makes a repository (a .git directory) with files, moves into
// sub (created) and returns the repository's path.
func inRepo(t *testing.T, files map[string]string, sub string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(root, ".git", filepath.FromSlash(sub)), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, filepath.FromSlash(sub))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return root
}

// TestConfigPrecedence: flag > TENET_* > .tenet.yaml (found upward, up to
// the repository root) > default, as tenet config shows and a run uses.
func TestConfigPrecedence(t *testing.T) {
	inRepo(t, map[string]string{".tenet.yaml": "severity: high\nskip-rule:\n  - TNT-AWS-EC2-001\nframework: [hipaa]\n"}, "deploy/prod")
	code, out, _ := runCLI(t, "config")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"# configuration file: ../../.tenet.yaml", "severity = high  (file ../../.tenet.yaml:1)",
		"skip-rule = [TNT-AWS-EC2-001]  (file ../../.tenet.yaml:2)", "unknown = warn  (default)"} {
		if !strings.Contains(out, want) {
			t.Errorf("tenet config lacks %q:\n%s", want, out)
		}
	}
	t.Setenv("TENET_SEVERITY", "critical")
	if _, out, _ := runCLI(t, "config"); !strings.Contains(out, "severity = critical  (env TENET_SEVERITY)") {
		t.Errorf("the environment does not win over the file:\n%s", out)
	}
	if _, out, _ := runCLI(t, "rules", "-o", "json", "--severity", "low"); !strings.Contains(out, `"severity": "low"`) {
		t.Errorf("the flag does not win over the environment")
	}
	if _, out, _ := runCLI(t, "--no-config", "config"); !strings.Contains(out, "skip-rule = []  (default)") {
		t.Errorf("--no-config still reads the file:\n%s", out)
	}
	// A run uses them and says which file it read.
	code, out, errs := runCLI(t, "rules", "-o", "json")
	if code != 0 || !strings.Contains(errs, "tenet: using ../../.tenet.yaml") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if strings.Contains(out, `"TNT-AWS-EC2-001"`) || strings.Contains(out, `"severity": "high"`) {
		t.Errorf("rules ignores the file's skip-rule or the environment's severity")
	}
}

// TestConfigErrors: a misspelt key, a value a flag refuses and a file that
// is not a mapping are usage errors naming the file and line.
func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"severty: high\n", `.tenet.yaml:1: unknown flag "severty"`},
		{"severity: high\nparallel: many\n", `.tenet.yaml:2: parallel: invalid argument "many"`},
		{"- severity\n", ".tenet.yaml:1: want a mapping of flag names to values"},
		{"severity: high\nseverity: low\n", ".tenet.yaml:2: severity is set twice (first at line 1)"},
	} {
		inRepo(t, map[string]string{".tenet.yaml": tc.file}, "")
		code, _, errs := runCLI(t, "test", "x.json")
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", tc.file, code, errs, tc.want)
		}
	}
}

// TestConfigNotAboveTheRepository: a .tenet.yaml above the repository
// root is not the project's; --config names any file.
func TestConfigNotAboveTheRepository(t *testing.T) {
	root := inRepo(t, map[string]string{"other.yaml": "severity: critical\n"}, "app")
	if err := os.WriteFile(filepath.Join(filepath.Dir(root), ".tenet.yaml"), []byte("severity: low\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runCLI(t, "config"); !strings.Contains(out, "configuration file: none") {
		t.Errorf("a file above the repository was read:\n%s", out)
	}
	if _, out, _ := runCLI(t, "--config", filepath.Join(root, "other.yaml"), "config"); !strings.Contains(out, "severity = critical") {
		t.Errorf("--config was not read:\n%s", out)
	}
}

// TestConfigCommandLine: tenet config takes the shown command's flags, so
// that it can show the source its help names first, the command line (it
// refused them as unknown flags before); root flags may come before the
// command's name.
func TestConfigCommandLine(t *testing.T) {
	inRepo(t, map[string]string{".tenet.yaml": "severity: high\n", "other.yaml": "severity: critical\n"}, "")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"config", "test", "--severity", "low", "--skip-path", "x/*"}, []string{"severity = low  (flag)", "skip-path = [x/*]  (flag)"}},
		{[]string{"config", "--severity", "low"}, []string{"severity = low  (flag)"}},
		{[]string{"config", "rules", "--target", "kubernetes"}, []string{"target = [kubernetes]  (flag)", "severity = high  (file .tenet.yaml:1)"}},
		{[]string{"config", "--config", "other.yaml", "test"}, []string{"# configuration file: other.yaml", "severity = critical  (file other.yaml:1)"}},
		{[]string{"config", "--no-config", "test", "--framework", "hipaa"}, []string{"configuration file: none", "framework = [hipaa]  (flag)"}},
	} {
		code, out, errs := runCLI(t, tc.args...)
		if code != 0 {
			t.Errorf("%q: exit %d: %s", tc.args, code, errs)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%q: no %q in\n%s", tc.args, w, out)
			}
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"config", "nosuch"}, `unknown command "nosuch"`},
		{[]string{"config", "test", "--nosuch"}, "test: unknown flag: --nosuch"},
		{[]string{"config", "test", "plan.json"}, `unexpected argument "plan.json"`},
	} {
		if code, _, errs := runCLI(t, tc.args...); code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", tc.args, code, errs, tc.want)
		}
	}
	if code, out, _ := runCLI(t, "config", "--help"); code != 0 || !strings.Contains(out, "tenet config test --severity low") {
		t.Errorf("config --help: exit %d\n%s", code, out)
	}
}

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestActionAndHooks checks action.yml and .pre-commit-hooks.yaml as
// their consumers read them: a composite action whose steps install and
// run tenet and upload SARIF, inputs passed through the environment (never
// spliced into a script), and hooks with the fields pre-commit requires.
func TestActionAndHooks(t *testing.T) {
	var action struct {
		Name   string
		Inputs map[string]struct {
			Description string
			Default     string
		}
		Runs struct {
			Using string
			Steps []struct {
				Uses string
				Run  string
				Env  map[string]string
			}
		}
	}
	readYAML(t, "action.yml", &action)
	if action.Name == "" || action.Runs.Using != "composite" || len(action.Inputs) == 0 {
		t.Fatalf("action.yml: %+v", action)
	}
	var installs, runs, uploads bool
	for _, s := range action.Runs.Steps {
		installs = installs || strings.Contains(s.Run, "go install \"github.com/tenet-dev/tenet/cmd/tenet@")
		runs = runs || strings.Contains(s.Run, "tenet\" test")
		uploads = uploads || strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@")
		if strings.Contains(s.Run, "${{") {
			t.Errorf("a step's script holds an expression (script injection): %q", s.Run)
		}
	}
	if !installs || !runs || !uploads {
		t.Errorf("action.yml steps: install %v, run %v, upload %v", installs, runs, uploads)
	}
	var hooks []struct {
		ID, Name, Entry, Language string
	}
	readYAML(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 2 {
		t.Fatalf("hooks: %+v", hooks)
	}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || !strings.HasPrefix(h.Entry, "tenet test") || h.Language != "golang" {
			t.Errorf("hook %+v", h)
		}
	}
}

// TestCIDocFlags: every flag the CI page and the action pass to tenet
// test exists.
func TestCIDocFlags(t *testing.T) {
	help := run(t, "", "test", "--help").stdout
	for _, file := range []string{"docs/ci.md", "action.yml", ".pre-commit-hooks.yaml"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.Contains(line, "tenet test") {
				continue
			}
			for _, flag := range regexp.MustCompile(`\s(--[a-z-]+)`).FindAllStringSubmatch(line, -1) {
				if !strings.Contains(help, flag[1]+" ") {
					t.Errorf("%s: %q uses %s, which tenet test does not have", file, strings.TrimSpace(line), flag[1])
				}
			}
		}
	}
}

func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

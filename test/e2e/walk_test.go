package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWalkRepositoryDockerfiles runs tenet test . on a repository whose
// source code and notes are named after Dockerfiles (dockerfile.go,
// Dockerfile.md): they are not inputs, so the run ends by its findings
// (exit 0 or 1) with no input error, and the real Dockerfile is checked.
func TestWalkRepositoryDockerfiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"src/dockerfile.go": "package x\n",
		"src/Dockerfile.md": "# notes\n",
		"src/Dockerfile":    "FROM alpine:3.19\nUSER 10001\nHEALTHCHECK CMD true\n",
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := runIn(t, dir, "", "test", "-q", "-o", "json", ".")
	if got.code != 0 && got.code != 1 {
		t.Fatalf("exit code = %d, want 0 or 1 by findings\nstderr: %s", got.code, got.stderr)
	}
	if got.stderr != "" {
		t.Errorf("stderr: %s", got.stderr)
	}
	var report struct {
		Inputs []struct {
			Path   string `json:"path"`
			Format string `json:"format"`
		} `json:"inputs"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &report); err != nil {
		t.Fatalf("%v\n%s", err, got.stdout)
	}
	want := []struct {
		Path   string `json:"path"`
		Format string `json:"format"`
	}{{Path: "src/Dockerfile", Format: "dockerfile"}}
	if diff := cmp.Diff(want, report.Inputs); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	if len(report.Errors) > 0 {
		t.Errorf("input errors: %s", report.Errors)
	}
}

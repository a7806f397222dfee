package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDeterministicOutputs runs the same scan in every format twice, once
// with one worker and once with many, and requires the same bytes.
func TestDeterministicOutputs(t *testing.T) {
	inputs := []string{"test/examples/plan.json", "test/examples/k8s.yaml"}
	if _, err := os.Stat(filepath.Join(repoRoot, sharedData)); err == nil {
		inputs = append(inputs, sharedData+"/terraform", sharedData+"/kubernetes")
	}
	for _, format := range []string{"table", "json", "sarif", "markdown", "junit", "csv", "oscal", "html", "github"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"test", "-o", format}, inputs...)
			one := run(t, "", append(args, "--parallel", "1")...)
			many := run(t, "", append(args, "--parallel", "8")...)
			if one.code != many.code || one.stdout != many.stdout {
				t.Errorf("output differs between --parallel 1 and 8 (exit %d vs %d)", one.code, many.code)
			}
			if one.stdout == "" {
				t.Error("no output")
			}
		})
	}
}

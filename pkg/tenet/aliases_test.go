package tenet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanYAMLAliasBudget checks that the files of one scan share a
// budget for YAML alias expansion: each file below is within its own
// limit, and the run's budget still stops the fourth, which is reported as
// an input error while the others are evaluated.
func TestScanYAMLAliasBudget(t *testing.T) {
	dir := t.TempDir()
	// Each file copies 1,000 nodes: 100 aliases of a ten-item list.
	file := "base: &base [1, 2, 3, 4, 5, 6, 7, 8, 9]\nall:\n" + strings.Repeat("  - *base\n", 100)
	var paths []string
	for i := range 4 {
		p := filepath.Join(dir, fmt.Sprintf("f%d.yaml", i))
		if err := os.WriteFile(p, []byte(file), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	s, err := New(t.Context(), WithoutBuiltins(), withBundleFS(testBundle()), WithParallel(1), WithYAMLAliasBudget(3500))
	if err != nil {
		t.Fatal(err)
	}
	res := allowIncomplete(t)(s.Scan(t.Context(), paths...))
	if len(res.Inputs) != 3 || len(res.Errors) != 1 || res.Errors[0].Path != paths[3] ||
		!strings.Contains(res.Errors[0].Message, "this alias takes the run past 3500 copied nodes") {
		t.Errorf("inputs = %+v, errors = %+v: want three read and the fourth over the run's budget", res.Inputs, res.Errors)
	}
	// The budget is per scan: the next one starts afresh.
	if res, err = s.Scan(t.Context(), paths[:3]...); err != nil || len(res.Errors) != 0 {
		t.Errorf("second scan: %v, errors %+v", err, res.Errors)
	}
}

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/report"
)

// TestSARIFWarning: when a SARIF output leaves findings out to stay within
// GitHub's results limit, test says how many on one line, once however
// many SARIF outputs there are, and not at all without a SARIF output. The
// limit is lowered for the test: the examples' findings stand in for the
// 25,000 of a large estate.
func TestSARIFWarning(t *testing.T) {
	const plan = "../../test/examples/plan.json"
	saved := report.SARIFLimits.ResultsPerRun
	report.SARIFLimits.ResultsPerRun = 3
	t.Cleanup(func() { report.SARIFLimits.ResultsPerRun = saved })
	dir := t.TempDir()
	jsonOut, sarifA, sarifB := filepath.Join(dir, "r.json"), filepath.Join(dir, "a.sarif"), filepath.Join(dir, "b.sarif")

	code, _, stderr := runCLI(t, "test", "-o", "json="+jsonOut, "-o", "sarif="+sarifA, "-o", "sarif="+sarifB, plan)
	if code != 1 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var res struct {
		Findings []json.RawMessage `json:"findings"`
	}
	readJSON(t, jsonOut, &res)
	if len(res.Findings) <= 3 {
		t.Fatalf("the examples give %d findings: the test needs more than the limit", len(res.Findings))
	}
	want := fmt.Sprintf("tenet: warning: sarif: %d of %d findings left out to stay within GitHub's 3 results a run", len(res.Findings)-3, len(res.Findings))
	if strings.Count(stderr, want) != 1 || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr = %q, want the line %q once", stderr, want)
	}
	for _, path := range []string{sarifA, sarifB} {
		var log struct {
			Runs []struct {
				Results []json.RawMessage `json:"results"`
			} `json:"runs"`
		}
		readJSON(t, path, &log)
		if len(log.Runs) != 1 || len(log.Runs[0].Results) != 3 {
			t.Errorf("%s: want one run of 3 results, got %+v", path, log)
		}
	}

	code, _, stderr = runCLI(t, "test", "-o", "json="+jsonOut, plan)
	if code != 1 || stderr != "" {
		t.Errorf("without SARIF: exit %d, stderr %q, want 1 and nothing", code, stderr)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestSARIFWarning: when a SARIF output leaves findings out to stay within
// GitHub's 25,000 results a run, test says how many on one line, once
// however many SARIF outputs there are, and not at all without a SARIF
// output. A generated plan of 7,000 resources gives about 27,000
// findings.
func TestSARIFWarning(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	f, err := os.Create(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := bench.WritePlan(f, 7000, []string{"aws_s3_bucket", "aws_db_instance", "aws_security_group"}, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	jsonOut, sarifA, sarifB := filepath.Join(dir, "r.json"), filepath.Join(dir, "a.sarif"), filepath.Join(dir, "b.sarif")

	code, _, stderr := runCLI(t, "test", "-o", "json="+jsonOut, "-o", "sarif="+sarifA, "-o", "sarif="+sarifB, plan)
	if code != 1 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var res struct {
		Findings []json.RawMessage `json:"findings"`
	}
	readJSON(t, jsonOut, &res)
	const limit = report.GitHubResultsPerRun
	if len(res.Findings) <= limit {
		t.Fatalf("the plan gives %d findings: the test needs more than the limit", len(res.Findings))
	}
	want := fmt.Sprintf("tenet: warning: sarif: %d of %d findings left out to stay within GitHub's %d results a run", len(res.Findings)-limit, len(res.Findings), limit)
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
		if len(log.Runs) != 1 || len(log.Runs[0].Results) != limit {
			t.Errorf("%s: want one run of %d results, got %d runs", path, limit, len(log.Runs))
		}
	}

	code, _, stderr = runCLI(t, "test", "-o", "json="+jsonOut, "../../test/examples/plan.json")
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

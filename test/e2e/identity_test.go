package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// sharedRepro is ../shared/repro seen from the repository root. Tests that
// read it skip when it is absent.
const sharedRepro = "../shared/repro"

func reproFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(sharedRepro, name)
	if _, err := os.Stat(filepath.Join(repoRoot, path)); err != nil {
		t.Skipf("%s is not present", path)
	}
	return path
}

// TestStateModulesRepro scans ../shared/repro/tf012_state3.json, a
// Terraform 0.12 state with aws_s3_bucket.b in three modules: the findings
// of the three buckets stay apart (7 rules fail on each).
func TestStateModulesRepro(t *testing.T) {
	path := reproFile(t, "tf012_state3.json")
	got := run(t, "", "test", "-o", "json", path)
	if got.code != 1 {
		t.Fatalf("exit %d, want 1: %s", got.code, got.stderr)
	}
	var rep report
	if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	perBucket := map[string]int{}
	for _, f := range rep.Findings {
		perBucket[f.Resource]++
	}
	if len(rep.Findings) != 21 || len(perBucket) != 3 {
		t.Errorf("%d findings on %v, want 21 on three buckets", len(rep.Findings), perBucket)
	}
}

package tenet

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/test/bench"
)

// TestScanUsesReadTable: a scan with the CLI's defaults plans a large
// plan's shards from the engine's table of what the built-in rules read
// (pkg/engine/readtable.go), so a plan of a few types parses only the
// modules its rules compile with, not the whole library to plan the
// shards. It fails when the library the CLI loads is not the one the
// table was worked out from.
func TestScanUsesReadTable(t *testing.T) {
	s, err := New(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var plan bytes.Buffer
	if err := bench.WritePlan(&plan, 600, []string{"aws_s3_bucket", "aws_iam_role", "aws_security_group"}, 1); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(path, plan.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := s.Scan(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.Deny == 0 {
		t.Fatal("no finding: the plan was not evaluated")
	}
	lazy, parsed := 0, 0
	for name := range s.cat.Modules {
		if s.cat.IsLazy(name) {
			lazy++
			if s.cat.ParsedYet(name) {
				parsed++
			}
		}
	}
	if lazy < 300 || parsed*4 > lazy {
		t.Errorf("the scan parsed %d of the %d built-in modules", parsed, lazy)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/test/bench"
)

// TestDocHasBlock: docs/performance.md keeps the block that a run
// replaces, so that a run's table never goes missing from it.
func TestDocHasBlock(t *testing.T) {
	data, err := os.ReadFile("../../../../docs/performance.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, beginMarker), strings.Index(s, endMarker)
	if i < 0 || j < i || strings.Count(s, beginMarker) != 1 || strings.Count(s, endMarker) != 1 {
		t.Errorf("docs/performance.md needs one %s ... %s block", beginMarker, endMarker)
	}
}

// TestEdits: editPlan changes one resource in a hundred, spread over the
// types; editPlanTypes about as many, all of a few types.
func TestEdits(t *testing.T) {
	types := []string{"aws_s3_bucket", "aws_instance", "aws_security_group", "aws_db_instance", "aws_kms_key", "aws_iam_role"}
	var b bytes.Buffer
	if err := bench.WritePlan(&b, 3000, types, 1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		edit     func(string, int) error
		maxTypes int
	}{
		{"spread", editPlan, len(types)},
		{"types", editPlanTypes, 2},
	} {
		path := filepath.Join(t.TempDir(), "plan.json")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := tc.edit(path, 1); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var plan struct {
			ResourceChanges []struct {
				Type   string `json:"type"`
				Change struct {
					After map[string]any `json:"after"`
				} `json:"change"`
			} `json:"resource_changes"`
		}
		if err := json.Unmarshal(data, &plan); err != nil {
			t.Fatal(err)
		}
		edited, byType := 0, map[string]int{}
		for _, rc := range plan.ResourceChanges {
			if _, ok := rc.Change.After["tenet_rescan"]; ok {
				edited++
				byType[rc.Type]++
			}
		}
		n := len(plan.ResourceChanges)
		if edited < n/rescanEvery || edited > n/rescanEvery*3 || len(byType) > tc.maxTypes || tc.maxTypes == len(types) && len(byType) < 3 {
			t.Errorf("%s: %d of %d resources edited, of %d types: %v", tc.name, edited, n, len(byType), byType)
		}
	}
}

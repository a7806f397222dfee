package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestCgroupLimit(t *testing.T) {
	tests := []struct {
		content string
		want    int64
	}{
		{"max\n", 0},
		{"9223372036854771712\n", 0}, // v1 without a limit
		{"2147483648\n", 2 << 30},
		{"", 0},
		{"-1", 0},
	}
	for _, tc := range tests {
		if got := cgroupLimit(tc.content); got != tc.want {
			t.Errorf("cgroupLimit(%q) = %d, want %d", tc.content, got, tc.want)
		}
	}
}

// TestInputBytes: the files of directories count, up to the limit;
// standard input counts as the limit, a missing path as nothing.
func TestInputBytes(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.yaml", 100)
	write("sub/b.tf", 50)
	big := write("big/plan.json", 5000)
	for _, tc := range []struct {
		name  string
		paths []string
		want  int64
	}{
		{"one file", []string{a}, 100},
		{"a directory", []string{filepath.Join(dir, "sub")}, 50},
		{"up to the limit", []string{a, big}, 1000},
		{"standard input", []string{a, "-"}, 1000},
		{"missing", []string{filepath.Join(dir, "none"), a}, 100},
	} {
		if got := inputBytes(tc.paths, 1000); got != tc.want {
			t.Errorf("%s: inputBytes = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestTuneForInputs: only a command that owns its process, without
// GOGC set, raises the collector's target, and only for small inputs.
func TestTuneForInputs(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "pod.yaml")
	if err := os.WriteFile(small, []byte("kind: Pod\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	large := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(large, make([]byte, smallInputs), 0o644); err != nil {
		t.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tc := range []struct {
		name  string
		owner bool
		gogc  string
		path  string
		want  int
	}{
		{"small inputs", true, "", small, gcPercentSmall},
		{"large inputs", true, "", large, 100},
		{"in-process command", false, "", small, 100},
		{"GOGC set", true, "100", small, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			debug.SetGCPercent(100)
			ctx := t.Context()
			if tc.owner {
				ctx = withProcessOwner(ctx)
			}
			tuneForInputs(ctx, []string{tc.path})
			if got := debug.SetGCPercent(100); got != tc.want {
				t.Errorf("GOGC %d, want %d", got, tc.want)
			}
		})
	}
}

func TestHugeHeapSize(t *testing.T) {
	const gib = 1 << 30
	for _, tc := range []struct {
		name         string
		n, available int64
		want         int64
	}{
		{"small inputs", 16 << 10, 24 * gib, hugeHeapBase + 24*(16<<10)},
		{"50k plan", 92 << 20, 24 * gib, hugeHeapBase + 24*(92<<20)},
		{"inputs counted up to a cap", 4 * gib, 64 * gib, hugeHeapBase + 24*hugeHeapInputs},
		{"at most half the memory", 92 << 20, 2 * gib, gib},
		{"small container", 16 << 10, gib, 0},
		{"memory unknown", 16 << 10, 0, 0},
	} {
		if got := hugeHeapSize(tc.n, tc.available); got != tc.want {
			t.Errorf("%s: hugeHeapSize(%d, %d) = %d, want %d", tc.name, tc.n, tc.available, got, tc.want)
		}
	}
}

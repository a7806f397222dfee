package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShardMerge runs tenet as the Kubernetes example of docs/scale.md
// does: three workers check their shards of the examples (a plan, a
// manifest with an annotation waiver, a template, a Dockerfile, a
// Terraform directory, and an input that does not parse) with a waiver
// file, the merge writes the report of the whole run and records it in
// the history, and that report is the single run's, byte for byte, which
// tenet diff confirms. Merges of the wrong reports are refused.
func TestShardMerge(t *testing.T) {
	dir := t.TempDir()
	inputs := []string{"test/examples", "test/e2e/testdata/inputs/annotated.yaml", "test/e2e/testdata/inputs/truncated.json"}
	gate := []string{"--waivers", "test/examples/waivers.yaml", "--fail-on-warn"}
	single := filepath.Join(dir, "single.json")
	args := append([]string{"test", "-o", "json=" + single}, gate...)
	if got := run(t, "", append(args, inputs...)...); got.code != 3 {
		t.Fatalf("single run: exit %d, want 3 (the truncated input)\n%s", got.code, got.stderr)
	}
	reports := filepath.Join(dir, "reports")
	if err := os.Mkdir(reports, 0o755); err != nil {
		t.Fatal(err)
	}
	codes := map[int]int{}
	for k := range 3 {
		args := append([]string{"test", "--shard", fmt.Sprintf("%d/3", k), "-o", fmt.Sprintf("json=%s/%d.json", reports, k)}, gate...)
		got := run(t, "", append(args, inputs...)...)
		if got.code == 2 {
			t.Fatalf("shard %d: %s", k, got.stderr)
		}
		codes[got.code]++
	}
	if codes[3] != 1 {
		t.Errorf("exit codes of the shards %v: one shard holds the truncated input", codes)
	}
	merged := filepath.Join(dir, "merged.json")
	hist := filepath.Join(dir, "history")
	got := run(t, "", "merge", "-o", "json="+merged, "-o", "table", "--history", hist, reports)
	if got.code != 3 || !strings.Contains(got.stderr, "truncated.json") {
		t.Errorf("merge: exit %d, want 3 naming the truncated input\n%s", got.code, got.stderr)
	}
	want, _ := os.ReadFile(single)
	have, err := os.ReadFile(merged)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(have) {
		t.Errorf("the merged report differs from the single run's")
	}
	if got := run(t, "", "history", "show", hist); got.code != 0 || strings.Count(got.stdout, "\n") < 2 {
		t.Errorf("history show after the merge: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	if got := run(t, "", "diff", "--fail-on-new", single, merged); got.code != 0 || !strings.Contains(got.stdout, "0 new") {
		t.Errorf("diff of the single run and the merge: exit %d\n%s", got.code, got.stdout)
	}

	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a shard missing", []string{"merge", filepath.Join(reports, "0.json"), filepath.Join(reports, "2.json")}, 2, "shard 1 of 3 is missing"},
		{"a shard twice", []string{"merge", reports, filepath.Join(reports, "1.json")}, 2, "shard 1 of 3 is given twice"},
		{"not a shard", []string{"merge", single}, 2, "not the report of a shard"},
		{"no such report", []string{"merge", filepath.Join(dir, "missing")}, 3, "no such file"},
		{"a bad shard", []string{"test", "--shard", "3/3", "test/examples"}, 2, "want K/N with 0 <= K < N"},
		{"a shard with a history", []string{"test", "--shard", "0/3", "--history", hist, "test/examples"}, 2, "tenet merge --history"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, "", tc.args...)
			if got.code != tc.code || !strings.Contains(got.stderr, tc.want) {
				t.Errorf("exit %d, want %d saying %q\n%s", got.code, tc.code, tc.want, got.stderr)
			}
		})
	}
}

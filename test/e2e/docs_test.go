package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGeneratedDocs fails when docs/rules.md or docs/frameworks.md no longer
// match what `tenet rules` and `tenet frameworks` print: run `make docs`.
func TestGeneratedDocs(t *testing.T) {
	for _, tc := range []struct{ file, cmd string }{
		{"docs/rules.md", "rules"},
		{"docs/frameworks.md", "frameworks"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got := run(t, "", tc.cmd, "-o", "markdown")
			if got.code != 0 {
				t.Fatalf("exit %d: %s", got.code, got.stderr)
			}
			want, err := os.ReadFile(filepath.Join(repoRoot, tc.file))
			if err != nil {
				t.Fatalf("%v (run make docs)", err)
			}
			if diff := cmp.Diff(string(want), got.stdout); diff != "" {
				t.Errorf("%s is stale; run make docs (-file +generated):\n%s", tc.file, diff)
			}
		})
	}
}

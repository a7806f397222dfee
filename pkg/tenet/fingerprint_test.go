package tenet

import (
	"os"
	"path/filepath"
	"testing"
)

func mkdirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFingerprintPaths checks that an input's path as fingerprinted does
// not depend on how it was spelled, on the working directory, or on where
// the repository is checked out.
func TestFingerprintPaths(t *testing.T) {
	tmp := t.TempDir()
	dev := filepath.Join(tmp, "home", "dev", "repo")
	ci := filepath.Join(tmp, "runner", "work", "repo")
	worktree := filepath.Join(tmp, "wt")
	loose := filepath.Join(tmp, "loose")
	mkdirs(t, filepath.Join(dev, ".git"), filepath.Join(dev, "k8s"), filepath.Join(ci, ".git"), filepath.Join(ci, "k8s"),
		filepath.Join(worktree, "k8s"), filepath.Join(loose, "k8s"))
	if err := os.WriteFile(filepath.Join(worktree, ".git"), []byte("gitdir: /elsewhere/.git/worktrees/wt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, cwd, file, want string
	}{
		{"relative", dev, "k8s/app.yaml", "k8s/app.yaml"},
		{"dot slash", dev, "./k8s/app.yaml", "k8s/app.yaml"},
		{"doubled slash", dev, "k8s//app.yaml", "k8s/app.yaml"},
		{"absolute", dev, filepath.Join(dev, "k8s", "app.yaml"), "k8s/app.yaml"},
		{"from a subdirectory", filepath.Join(dev, "k8s"), "app.yaml", "k8s/app.yaml"},
		{"up and down", filepath.Join(dev, "k8s"), "../k8s/app.yaml", "k8s/app.yaml"},
		{"from outside the repository", filepath.Join(tmp, "home"), "dev/repo/k8s/app.yaml", "k8s/app.yaml"},
		{"another checkout", ci, "k8s/app.yaml", "k8s/app.yaml"},
		{"another checkout, absolute", tmp, filepath.Join(ci, "k8s", "app.yaml"), "k8s/app.yaml"},
		{"worktree", worktree, "./k8s/app.yaml", "k8s/app.yaml"},
		{"no repository", loose, "./k8s/app.yaml", "k8s/app.yaml"},
		{"no repository, absolute", loose, filepath.Join(loose, "k8s", "app.yaml"), "k8s/app.yaml"},
		{"no repository, outside", filepath.Join(loose, "k8s"), "../app.yaml", filepath.ToSlash(filepath.Join(loose, "app.yaml"))},
		{"standard input", dev, "-", "-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(tc.cwd)
			if got := fingerprintPaths()(tc.file); got != tc.want {
				t.Errorf("%s from %s: %q, want %q", tc.file, tc.cwd, got, tc.want)
			}
		})
	}
}

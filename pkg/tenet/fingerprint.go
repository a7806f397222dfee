package tenet

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// fingerprintPaths returns the function that gives the path of an input as
// its findings' fingerprints take it (finding.Fingerprint), so that a
// fingerprint does not depend on how the path was spelled or where tenet
// ran: "./k8s/app.yaml", "k8s/app.yaml", "/home/dev/repo/k8s/app.yaml",
// "app.yaml" from k8s/ and "repo/k8s/app.yaml" from /home/dev are one
// path, and so are the paths of two checkouts of one repository in
// different directories (a developer's machine and CI).
//
// A path is made relative to the root of its repository: the nearest
// directory at or above the file that holds .git (a directory, or the file
// of a worktree or submodule). A file in no repository is relative to the
// working directory when it is inside it, else absolute. "-" (standard
// input) stays "-".
func fingerprintPaths() func(file string) string {
	cwd, err := os.Getwd()
	if err != nil {
		cwd = ""
	}
	roots := map[string]string{} // directory -> repository root, "" for none
	return func(file string) string {
		if file == "-" || file == "" {
			return file
		}
		abs := file
		if !filepath.IsAbs(abs) {
			if cwd == "" {
				return finding.CleanPath(file)
			}
			abs = filepath.Join(cwd, file)
		}
		abs = filepath.Clean(abs)
		dir := filepath.Dir(abs)
		root, ok := roots[dir]
		if !ok {
			root = repositoryRoot(dir)
			roots[dir] = root
		}
		if root == "" {
			root = cwd
		}
		if rel, ok := inside(root, abs); ok {
			return finding.CleanPath(rel)
		}
		return finding.CleanPath(abs)
	}
}

// repositoryRoot is the nearest directory at or above dir that holds .git;
// "" when there is none.
func repositoryRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// inside is path relative to dir, when path is inside dir.
func inside(dir, path string) (string, bool) {
	if dir == "" {
		return "", false
	}
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

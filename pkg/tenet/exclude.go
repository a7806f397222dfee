package tenet

import (
	"errors"
	"path"
	"path/filepath"
	"strings"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// excludeInputs drops the files under the excluded paths (WithExclude),
// and the walk errors about them.
func excludeInputs(exclude, files []string, walkErrs []error) ([]string, []error) {
	var roots []string
	for _, e := range exclude {
		if e != "" { // an unset flag, not the working directory
			roots = append(roots, resolvePath(e))
		}
	}
	if len(roots) == 0 {
		return files, walkErrs
	}
	dirs := map[string]string{} // a file's directory, resolved once
	excluded := func(path string) bool {
		if path == "-" || path == "" {
			return false
		}
		dir, base := filepath.Split(path)
		r, ok := dirs[dir]
		if !ok {
			r = resolvePath(dir)
			dirs[dir] = r
		}
		p := filepath.Join(r, base)
		for _, root := range roots {
			if p == root || strings.HasPrefix(p, root+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	kept := files[:0:0]
	for _, f := range files {
		if !excluded(f) {
			kept = append(kept, f)
		}
	}
	var keptErrs []error
	for _, err := range walkErrs {
		var fe *loader.FileError
		if errors.As(err, &fe) && excluded(fe.Path) {
			continue
		}
		keptErrs = append(keptErrs, err)
	}
	return kept, keptErrs
}

// resolvePath makes p absolute and resolves its symbolic links, as far as
// it exists.
func resolvePath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(a); err == nil {
		return r
	}
	return a
}

// skipInputs drops the inputs, and the walk errors about paths, that one
// of the globs matches (WithSkipPaths).
func skipInputs(globs, files []string, walkErrs []error) ([]string, []error) {
	if len(globs) == 0 {
		return files, walkErrs
	}
	kept := files[:0:0]
	for _, f := range files {
		if !skipped(globs, f) {
			kept = append(kept, f)
		}
	}
	keptErrs := walkErrs[:0:0]
	for _, err := range walkErrs {
		var fe *loader.FileError
		if errors.As(err, &fe) && skipped(globs, fe.Path) {
			continue
		}
		keptErrs = append(keptErrs, err)
	}
	return kept, keptErrs
}

// skipped reports whether one of the globs matches p, its base name or
// one of its parent directories.
func skipped(globs []string, p string) bool {
	if p == "-" {
		return false
	}
	p = strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
	for _, g := range globs {
		g = strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(g), "./"), "/")
		for q := p; q != "." && q != "/" && q != ""; q = path.Dir(q) {
			if ok, _ := path.Match(g, q); ok {
				return true
			}
		}
		if ok, _ := path.Match(g, path.Base(p)); ok {
			return true
		}
	}
	return false
}

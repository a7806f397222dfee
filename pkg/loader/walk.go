package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions are the file extensions picked up when a directory is walked.
// A file named explicitly is read whatever its name.
var walkExtensions = map[string]bool{".json": true, ".yaml": true, ".yml": true, ".tfstate": true}

// Files expands paths into the input files to read: files as given, "-"
// for stdin, directories walked (sorted, without following symbolic links,
// skipping hidden directories such as .git and .terraform) for files with
// a known extension. Paths that cannot be read are returned as *FileErrors;
// the other files are still listed.
func Files(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &FileError{Path: p, Err: unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &FileError{Path: path, Err: unwrapPathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file is read; a link to a directory is not
				// followed, which rules out loops.
				if t, err := os.Stat(path); err != nil || t.IsDir() {
					return nil
				}
			}
			if walkExtensions[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			errs = append(errs, &FileError{Path: p, Err: fmt.Errorf("walk: %w", err)})
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, errs
}

package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/tfconfig"
)

// Extensions are the file extensions picked up when a directory is walked.
// A file named explicitly is read whatever its name.
var walkExtensions = map[string]bool{".json": true, ".yaml": true, ".yml": true, ".tfstate": true}

// Files expands paths into the input files to read: files as given, "-"
// for stdin, directories walked (sorted, without following symbolic links
// to directories, skipping hidden directories such as .git and .terraform)
// for files with a known extension and Dockerfiles by name (Dockerfile,
// Containerfile, Dockerfile.<variant> unless the variant is another kind
// of file's extension, *.Dockerfile: isDockerfileName). A directory that
// holds .tf or .tf.json files is one input, a Terraform root module,
// unless another directory found calls it as a local module: it is then
// judged as part of its caller, with the values the caller gives it. A directory that holds a
// kustomization is one input too, built as kustomize builds it, unless
// another one builds on it; the files under it are not read on their own.
// A directory that holds a Chart.yaml is one input, a Helm chart rendered
// with its vendored dependencies; nothing under it is walked. Paths that cannot be read are returned
// as *FileErrors, and so are those that are not regular files (named
// pipes, sockets, devices, directly or through a link) and broken or
// looping links, given or found with a known extension: none is opened,
// and the other files are still listed.
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
			errs = append(errs, &FileError{Path: p, Err: statError(p, err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				errs = append(errs, &FileError{Path: p, Err: notRegular(info.Mode())})
				continue
			}
			add(p)
			continue
		}
		var found []string
		tfDirs := map[string]bool{}
		kustDirs := map[string]bool{}
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
				if isChart(path) {
					// A chart is one input, rendered whole; its templates
					// and subcharts are not inputs of their own.
					found = append(found, path)
					return fs.SkipDir
				}
				if kustomizationFile(path) != "" {
					kustDirs[path] = true
				}
				return nil
			}
			if inKustomization(path, p, kustDirs) {
				return nil
			}
			if isTerraformFile(path) {
				// The directory is the input; its loader reads the file
				// (and refuses it if it is not a regular file).
				tfDirs[filepath.Dir(path)] = true
				return nil
			}
			known := walkExtensions[strings.ToLower(filepath.Ext(path))] && !strings.HasSuffix(path, ".tfvars.json")
			if !known && !isDockerfileName(path) {
				return nil
			}
			mode := d.Type()
			if mode&fs.ModeSymlink != 0 {
				// A link to a file is read; a link to a directory is not
				// followed, which rules out loops through directories.
				t, err := os.Stat(path)
				switch {
				case err != nil:
					errs = append(errs, &FileError{Path: path, Err: statError(path, err)})
					return nil
				case t.IsDir():
					return nil
				}
				mode = t.Mode().Type()
			}
			if !mode.IsRegular() {
				errs = append(errs, &FileError{Path: path, Err: notRegular(mode)})
				return nil
			}
			found = append(found, path)
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			errs = append(errs, &FileError{Path: p, Err: fmt.Errorf("walk: %w", err)})
		}
		found = append(found, tfconfig.Roots(tfDirs, func(f string) ([]byte, error) { return readFile(f, Options{}) })...)
		found = append(found, kustomizeRoots(kustDirs)...)
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, errs
}

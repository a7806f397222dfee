package loader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"

	"github.com/tenet-dev/tenet/pkg/input"
)

// kustomizationNames are the file names kustomize reads in a directory.
var kustomizationNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// kustomizationFile is the kustomization file of dir, or "".
func kustomizationFile(dir string) string {
	for _, n := range kustomizationNames {
		p := filepath.Join(dir, n)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// originAnnotation is where kustomize records the file an object came
// from when the kustomization asks for it (buildMetadata: [originAnnotations]).
const originAnnotation = "config.kubernetes.io/origin"

// kustomizeDir builds the kustomization in dir, as `kustomize build` does
// with its defaults (no plugins, no Helm, files only under each
// kustomization's root), and reads the objects it outputs as Kubernetes
// manifests: each object points at the file it came from. A remote base
// is not fetched: the overlay is then not evaluated, with a line saying
// which base.
func kustomizeDir(ctx context.Context, dir string, opts Options) (input.Document, error) {
	if remote := remoteBases(dir, opts, map[string]bool{}); remote != "" {
		doc := newDocument(dir, input.FormatKubernetes)
		doc.Unread = []input.Unread{{Path: dir, Reason: fmt.Sprintf("remote base %q is not fetched (tenet does not download bases): build the overlay with kustomize and give tenet its output", remote)}}
		return doc, nil
	}
	if err := ctx.Err(); err != nil {
		return input.Document{}, &FileError{Path: dir, Err: err}
	}
	root, err := filepath.Abs(kustomizationFile(dir))
	if err != nil {
		return input.Document{}, &FileError{Path: dir, Err: err}
	}
	fs := &originFS{FileSystem: filesys.MakeFsOnDisk(), root: root, dir: dir, opts: opts}
	m, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(fs, dir)
	if fs.refused != nil {
		// Whatever kustomize made of it (it tries a resource that cannot
		// be read as a file again as a directory), the input is not
		// evaluated because of this file.
		return input.Document{}, fs.refused
	}
	if err != nil {
		return input.Document{}, &FileError{Path: dir, Err: fmt.Errorf("kustomize build: %s", oneLineError(err))}
	}
	var origins []string
	for _, r := range m.Resources() {
		ann := r.GetAnnotations()
		origins = append(origins, originPath(ann[originAnnotation]))
		delete(ann, originAnnotation)
		if err := r.SetAnnotations(ann); err != nil {
			return input.Document{}, &FileError{Path: dir, Err: err}
		}
	}
	out, err := m.AsYaml()
	if err != nil {
		return input.Document{}, &FileError{Path: dir, Err: err}
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return input.Document{}, &FileError{Path: dir, Err: errors.New("kustomize build: the kustomization outputs no object")}
	}
	doc, err := Kubernetes{KeepRaw: opts.KeepRaw, Aliases: opts.Aliases}.Load(ctx, dir, out)
	if err != nil {
		return input.Document{}, fileError(dir, err)
	}
	for i := range doc.Resources {
		if i < len(origins) && origins[i] != "" {
			r := &doc.Resources[i]
			file := filepath.Join(dir, filepath.FromSlash(origins[i]))
			r.Location = input.Location{File: file, Line: objectLine(file, r.Type, r.Values, opts)}
		}
	}
	return doc, nil
}

// originFS is the disk, but the root kustomization asks kustomize to
// record where each object comes from: findings then name the base or
// overlay file, not the build output. Every file kustomize reads
// (kustomizations, resources, patches, generators' files) is read as an
// input file is, held to Options.MaxFileSize and refused before it is
// read; the first file refused for its size is kept, for the error to
// name it.
type originFS struct {
	filesys.FileSystem
	root    string // the absolute path of the root kustomization file
	dir     string // the kustomization's directory, as given
	opts    Options
	refused error // a *FileError wrapping ErrTooLarge
}

// ReadFile reads path with readFile, and adds buildMetadata:
// [originAnnotations] to the root kustomization.
func (f *originFS) ReadFile(path string) ([]byte, error) {
	data, err := readFile(path, f.opts)
	if errors.Is(err, ErrTooLarge) {
		err = fileError(f.given(path), err)
		if f.refused == nil {
			f.refused = err
		}
	}
	if abs, aerr := filepath.Abs(path); err != nil || aerr != nil || abs != f.root {
		return data, err
	}
	var k map[string]any
	if yaml.Unmarshal(data, &k) != nil || k == nil {
		return data, nil // kustomize reports it
	}
	meta, _ := k["buildMetadata"].([]any)
	for _, m := range meta {
		if m == "originAnnotations" {
			return data, nil
		}
	}
	k["buildMetadata"] = append(meta, "originAnnotations")
	return yaml.Marshal(k)
}

// given is path, which kustomize makes absolute, as the user wrote the
// kustomization's directory: relative to it when that was relative.
func (f *originFS) given(path string) string {
	if filepath.IsAbs(f.dir) {
		return path
	}
	rel, err := filepath.Rel(filepath.Dir(f.root), path)
	if err != nil {
		return path
	}
	return filepath.Join(f.dir, rel)
}

// originPath is the path an origin annotation records ("path: x.yaml").
func originPath(ann string) string {
	var o struct {
		Path string `yaml:"path"`
	}
	if yaml.Unmarshal([]byte(ann), &o) != nil {
		return ""
	}
	return o.Path
}

// objectLine is the line, in file, of the object of kind whose name the
// built object's name ends or starts with (kustomize adds prefixes and
// suffixes); 0 when none is found.
func objectLine(file, kind string, values map[string]any, opts Options) int {
	data, err := readFile(file, opts)
	if err != nil {
		return 0
	}
	nodes, err := yamlDocuments(data)
	if err != nil {
		return 0
	}
	meta, _ := values["metadata"].(map[string]any)
	built, _ := meta["name"].(string)
	for _, n := range nodes {
		var obj struct {
			Kind     string `yaml:"kind"`
			Metadata struct {
				Name string `yaml:"name"`
			} `yaml:"metadata"`
		}
		if n.Decode(&obj) != nil || obj.Kind != kind || obj.Metadata.Name == "" {
			continue
		}
		if strings.Contains(built, obj.Metadata.Name) {
			return n.Line
		}
	}
	return 0
}

// remoteBases returns the first remote resource (a URL or a git
// reference) that the kustomization in dir, or a local base of it, names;
// "" when all are local.
func remoteBases(dir string, opts Options, seen map[string]bool) string {
	if seen[filepath.Clean(dir)] {
		return ""
	}
	seen[filepath.Clean(dir)] = true
	file := kustomizationFile(dir)
	if file == "" {
		return ""
	}
	data, err := readFile(file, opts)
	if err != nil {
		return ""
	}
	var k struct {
		Resources  []string `yaml:"resources"`
		Bases      []string `yaml:"bases"`
		Components []string `yaml:"components"`
	}
	if yaml.Unmarshal(data, &k) != nil {
		return ""
	}
	for _, r := range append(append(k.Resources, k.Bases...), k.Components...) {
		if isRemote(r) {
			return r
		}
		if p := filepath.Join(dir, filepath.FromSlash(r)); isDir(p) {
			if remote := remoteBases(p, opts, seen); remote != "" {
				return remote
			}
		}
	}
	return ""
}

// isRemote tells a remote resource (what kustomize would fetch with git
// or HTTP) from a local path.
func isRemote(r string) bool {
	return strings.Contains(r, "://") || strings.HasPrefix(r, "git@") || strings.HasPrefix(r, "github.com/") ||
		strings.HasPrefix(r, "gitlab.com/") || strings.HasPrefix(r, "bitbucket.org/") || strings.Contains(r, "?ref=")
}

// oneLineError folds a multi-line error into one line.
func oneLineError(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// kustomizeRoots returns, sorted, the kustomization directories of dirs
// that no other one of dirs builds on (as a resource, base or component):
// the overlays to build. The others are built as part of them.
func kustomizeRoots(dirs map[string]bool) []string {
	used := map[string]bool{}
	for dir := range dirs {
		data, err := readFile(kustomizationFile(dir), Options{})
		if err != nil {
			continue
		}
		var k struct {
			Resources  []string `yaml:"resources"`
			Bases      []string `yaml:"bases"`
			Components []string `yaml:"components"`
		}
		if yaml.Unmarshal(data, &k) != nil {
			continue
		}
		for _, r := range append(append(k.Resources, k.Bases...), k.Components...) {
			if p := filepath.Clean(filepath.Join(dir, filepath.FromSlash(r))); p != filepath.Clean(dir) {
				used[p] = true
			}
		}
	}
	var out []string
	for dir := range dirs {
		if !used[filepath.Clean(dir)] {
			out = append(out, dir)
		}
	}
	sort.Strings(out)
	return out
}

// inKustomization reports whether path is under one of dirs (between
// path and stop): its objects are built by that kustomization, not read
// on their own (a patch alone is not an object).
func inKustomization(path, stop string, dirs map[string]bool) bool {
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		if dirs[d] {
			return true
		}
		if d == stop || d == filepath.Dir(d) {
			return false
		}
	}
}

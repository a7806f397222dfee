package loader

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/common/util"
	"helm.sh/helm/v4/pkg/chart/loader/archive"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	chartloader "helm.sh/helm/v4/pkg/chart/v2/loader"
	chartutil "helm.sh/helm/v4/pkg/chart/v2/util"
	"helm.sh/helm/v4/pkg/engine"
	"helm.sh/helm/v4/pkg/ignore"
	"helm.sh/helm/v4/pkg/strvals"
	"sigs.k8s.io/yaml"

	"github.com/tenet-dev/tenet/pkg/input"
)

// HelmOptions say how charts are rendered, as helm template's flags do.
type HelmOptions struct {
	// ValuesFiles are read in order over the chart's values.yaml (-f).
	ValuesFiles []string
	// Set are key=value assignments applied last (--set).
	Set []string
	// KubeVersion is the Kubernetes version templates see in
	// .Capabilities.KubeVersion; "" means DefaultKubeVersion.
	KubeVersion string
}

// Release is what templates see in .Release: helm template's defaults.
const (
	HelmReleaseName      = "release-name"
	HelmReleaseNamespace = "default"
)

// DefaultKubeVersion is the Kubernetes version charts are rendered for,
// pinned with the Helm library: no cluster is asked.
var DefaultKubeVersion = common.DefaultCapabilities.KubeVersion.Version

// isChart reports whether dir holds a Helm chart (a Chart.yaml).
func isChart(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, "Chart.yaml"))
	return err == nil && info.Mode().IsRegular()
}

// helmChart renders the chart in dir as `helm template` does (release
// release-name in namespace default, no cluster, no DNS lookups; the
// dependencies vendored in charts/) and reads each rendered object as a
// Kubernetes manifest located in the template that produced it.
func helmChart(ctx context.Context, dir string, opts Options) (input.Document, error) {
	files, err := chartFiles(dir, opts)
	if err != nil {
		return input.Document{}, err
	}
	ch, err := chartloader.LoadFiles(files)
	if err != nil {
		return input.Document{}, &FileError{Path: dir, Err: fmt.Errorf("load chart: %s", oneLineError(err))}
	}
	if err := missingDependencies(ch); err != nil {
		return input.Document{}, &FileError{Path: dir, Err: err}
	}
	vals, err := helmValues(opts)
	if err != nil {
		return input.Document{}, &FileError{Path: dir, Err: err}
	}
	if err := chartutil.ProcessDependencies(ch, vals); err != nil {
		return input.Document{}, &FileError{Path: dir, Err: fmt.Errorf("chart dependencies: %s", oneLineError(err))}
	}
	caps := common.DefaultCapabilities.Copy()
	if opts.Helm.KubeVersion != "" {
		kv, err := common.ParseKubeVersion(opts.Helm.KubeVersion)
		if err != nil {
			return input.Document{}, &FileError{Path: dir, Err: fmt.Errorf("--kube-version %q: %w", opts.Helm.KubeVersion, err)}
		}
		caps.KubeVersion = *kv
	}
	top, err := util.ToRenderValues(ch, vals, common.ReleaseOptions{Name: HelmReleaseName, Namespace: HelmReleaseNamespace, IsInstall: true, Revision: 1}, caps)
	if err != nil {
		return input.Document{}, &FileError{Path: dir, Err: fmt.Errorf("values: %s", oneLineError(err))}
	}
	if err := ctx.Err(); err != nil {
		return input.Document{}, &FileError{Path: dir, Err: err}
	}
	rendered, err := engine.Render(ch, top)
	if err != nil {
		return input.Document{}, &FileError{Path: dir, Err: fmt.Errorf("render: %s", oneLineError(err))}
	}
	names := make([]string, 0, len(rendered))
	for name := range rendered {
		names = append(names, name)
	}
	sort.Strings(names)
	doc := newDocument(dir, input.FormatKubernetes)
	var raws []any
	for _, name := range names {
		if strings.HasSuffix(name, "NOTES.txt") || strings.TrimSpace(rendered[name]) == "" {
			continue
		}
		file := templateFile(dir, name)
		nodes, err := yamlDocuments([]byte(rendered[name]))
		if err != nil {
			return input.Document{}, &FileError{Path: file, Err: fmt.Errorf("rendered %s: %w", name, err)}
		}
		if len(nodes) == 0 {
			continue
		}
		part, err := Kubernetes{KeepRaw: true, Aliases: opts.Aliases}.loadNodes(file, len(rendered[name]), nodes)
		if err != nil {
			return input.Document{}, fileError(file, fmt.Errorf("rendered %s: %w", name, err))
		}
		source := chartFile(files, name)
		for _, r := range part.Resources {
			r.Location = input.Location{File: file, Line: kindLine(source, r.Type)}
			doc.Resources = append(doc.Resources, r)
		}
		if raw, ok := part.Raw.([]any); ok {
			raws = append(raws, raw...)
		} else if part.Raw != nil {
			raws = append(raws, part.Raw)
		}
	}
	if len(doc.Resources) == 0 {
		return input.Document{}, &FileError{Path: dir, Err: fmt.Errorf("the chart renders no object with these values")}
	}
	doc.Source.Documents = len(raws)
	if opts.KeepRaw {
		doc.Raw = rawOf(raws)
	}
	return doc, nil
}

// helmValues merges the values files, then the --set assignments, as
// helm does; the chart's own values.yaml lies under them. The values files
// are inputs too, held to opts.MaxFileSize.
func helmValues(opts Options) (map[string]any, error) {
	h := opts.Helm
	vals := map[string]any{}
	for _, f := range h.ValuesFiles {
		data, err := readFile(f, opts)
		if err != nil {
			return nil, fmt.Errorf("values file %s: %w", f, err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("values file %s: %s", f, oneLineError(err))
		}
		vals = mergeValues(vals, m)
	}
	for _, s := range h.Set {
		if err := strvals.ParseInto(s, vals); err != nil {
			return nil, fmt.Errorf("--set %s: %s", s, oneLineError(err))
		}
	}
	return vals, nil
}

// chartFiles reads the files of the chart in dir as Helm's
// loader.LoadDir does (in name order, links followed, .helmignore and its
// defaults applied, a UTF-8 byte order mark dropped), but each with
// readFile: every file of the chart is held to opts.MaxFileSize and
// refused before it is read, as any input file is, with a *FileError
// naming it. LoadDir bounds only the chart's total, which is kept
// (archive.MaxDecompressedChartSize).
func chartFiles(dir string, opts Options) ([]*archive.BufferedFile, error) {
	rules := ignore.Empty()
	if ifile := filepath.Join(dir, ignore.HelmIgnore); fileExists(ifile) {
		data, err := readFile(ifile, opts)
		if err != nil {
			return nil, fileError(ifile, err)
		}
		if rules, err = ignore.Parse(bytes.NewReader(data)); err != nil {
			return nil, &FileError{Path: ifile, Err: err}
		}
	}
	rules.AddDefaults()
	c := chartReader{dir: dir, opts: opts, rules: rules, left: archive.MaxDecompressedChartSize}
	info, err := os.Lstat(dir)
	if err != nil {
		return nil, &FileError{Path: dir, Err: statError(dir, err)}
	}
	if err := c.walk(dir, "", info); err != nil {
		return nil, err
	}
	return c.files, nil
}

// chartReader gathers the files of a chart (chartFiles).
type chartReader struct {
	dir   string
	opts  Options
	rules *ignore.Rules
	files []*archive.BufferedFile
	left  int64 // bytes the chart's files may still hold
}

// walk reads path, named rel in the chart ("" for the chart's own
// directory), whose Lstat is info, and what is under it, following links
// as Helm's loader does.
func (c *chartReader) walk(path, rel string, info fs.FileInfo) error {
	if info.Mode()&fs.ModeSymlink != 0 {
		resolved, err := filepath.EvalSymlinks(path)
		if err != nil {
			return &FileError{Path: path, Err: statError(path, err)}
		}
		if info, err = os.Lstat(resolved); err != nil {
			return &FileError{Path: path, Err: statError(path, err)}
		}
	}
	if rel != "" && c.rules.Ignore(rel, info) {
		return nil
	}
	if !info.IsDir() {
		return c.read(path, rel, info)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return &FileError{Path: path, Err: unwrapPathError(err)}
	}
	for _, e := range entries {
		child := filepath.Join(path, e.Name())
		info, err := os.Lstat(child)
		if err != nil {
			return &FileError{Path: child, Err: statError(child, err)}
		}
		if err := c.walk(child, pathpkg.Join(rel, e.Name()), info); err != nil {
			return err
		}
	}
	return nil
}

// read reads the file at path, named rel in the chart, whose Lstat
// (of the link's target for a link) is info.
func (c *chartReader) read(path, rel string, info fs.FileInfo) error {
	data, err := readFile(path, c.opts)
	if err != nil {
		return fileError(path, err)
	}
	if c.left -= int64(len(data)); c.left < 0 {
		return &FileError{Path: c.dir, Err: fmt.Errorf("load chart: chart exceeds maximum decompressed size of %d bytes", archive.MaxDecompressedChartSize)}
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	c.files = append(c.files, &archive.BufferedFile{Name: rel, ModTime: info.ModTime(), Data: data})
	return nil
}

// chartFile is the content of the template the engine names name
// ("<chart>/templates/x.yaml"), or nil when it was not read from the
// chart's directory (a dependency vendored as an archive).
func chartFile(files []*archive.BufferedFile, name string) []byte {
	_, rel, _ := strings.Cut(name, "/")
	for _, f := range files {
		if f.Name == rel {
			return f.Data
		}
	}
	return nil
}

// fileExists reports whether something is at path (following links).
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// mergeValues merges b into a, maps key by key, as helm merges values
// files.
func mergeValues(a, b map[string]any) map[string]any {
	out := make(map[string]any, len(a))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		if bm, ok := v.(map[string]any); ok {
			if am, ok := out[k].(map[string]any); ok {
				out[k] = mergeValues(am, bm)
				continue
			}
		}
		out[k] = v
	}
	return out
}

// missingDependencies refuses a chart whose Chart.yaml names dependencies
// that are not vendored in charts/, as helm template does.
func missingDependencies(ch *chart.Chart) error {
	have := map[string]bool{}
	for _, d := range ch.Dependencies() {
		have[d.Name()] = true
	}
	var missing []string
	for _, d := range ch.Metadata.Dependencies {
		if d != nil && !have[d.Name] {
			missing = append(missing, d.Name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("found in Chart.yaml, but missing in charts/ directory: %s (run helm dependency build; tenet downloads no chart)", strings.Join(missing, ", "))
	}
	return nil
}

// templateFile is the file of a rendered template, named
// "<chart>/templates/x.yaml" (or "<chart>/charts/<sub>/templates/x.yaml")
// by the engine, under the chart directory dir.
func templateFile(dir, name string) string {
	_, rest, _ := strings.Cut(name, "/")
	return filepath.Join(dir, filepath.FromSlash(rest))
}

// kindLine is the line of the one "kind: <kind>" line of a template's
// source, or 0 when there is none or more than one: the template's lines
// are not the rendered object's, but its kind line names the object.
func kindLine(source []byte, kind string) int {
	re := regexp.MustCompile(`(?m)^[ \t]*kind:[ \t]*["']?` + regexp.QuoteMeta(kind) + `["']?[ \t]*\r?$`)
	locs := re.FindAllIndex(source, 2)
	if len(locs) != 1 {
		return 0
	}
	return strings.Count(string(source[:locs[0][0]]), "\n") + 1
}

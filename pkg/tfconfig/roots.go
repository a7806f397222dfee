package tfconfig

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Roots returns, sorted, the directories of dirs that no other directory
// of dirs calls as a local module: the root modules to evaluate. The
// others are evaluated as part of their callers, with the values those
// give them. Files that do not parse or cannot be read (with read) are
// left to Load to report.
func Roots(dirs map[string]bool, read func(string) ([]byte, error)) []string {
	called := map[string]bool{}
	for dir := range dirs {
		for _, c := range localCalls(dir, read) {
			if c != filepath.Clean(dir) {
				called[c] = true
			}
		}
	}
	var out []string
	for dir := range dirs {
		if !called[filepath.Clean(dir)] {
			out = append(out, dir)
		}
	}
	sort.Strings(out)
	return out
}

// localCalls are the directories that the module in dir calls by a local
// path, cleaned.
func localCalls(dir string, read func(string) ([]byte, error)) []string {
	files, _, err := configFiles(dir)
	if err != nil {
		return nil
	}
	var out []string
	schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}}
	for _, path := range files {
		data, err := read(path)
		if err != nil {
			continue
		}
		f, _ := parseSource(path, data)
		if f == nil || f.Body == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(schema)
		for _, b := range content.Blocks {
			attrs, _ := b.Body.JustAttributes()
			a, ok := attrs["source"]
			if !ok {
				continue
			}
			v, d := a.Expr.Value(nil)
			if d.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type().FriendlyName() != "string" {
				continue
			}
			if s := v.AsString(); strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") {
				out = append(out, filepath.Join(dir, filepath.FromSlash(s)))
			}
		}
	}
	return out
}

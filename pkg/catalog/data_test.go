package catalog_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// explodingJSON is about n bytes of JSON that costs far more memory
// decoded than it takes on disk: an object holding an array of empty
// arrays, each a Go slice and an OPA value for three bytes of text.
func explodingJSON(n int) []byte {
	return slices.Concat([]byte(`{"a":[`), bytes.Repeat([]byte("[],"), n/3), []byte(`[]]}`))
}

// explodingYAML is the same in YAML: one empty list per line.
func explodingYAML(n int) []byte {
	return append([]byte("a:\n"), bytes.Repeat([]byte("- []\n"), n/5)...)
}

// allocDuring returns how many bytes fn allocated in all.
func allocDuring(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDataBombArchive is a bundle inside every archive limit whose
// data.json would take gigabytes once decoded: a 64 KB archive holding 63
// MiB of JSON. It must be refused, naming the archive and the entry, before
// OPA decodes it.
func TestDataBombArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes a 63 MB bomb: the plain pass bounds it; the race pass (-short) finds nothing to race in one decode")
	}
	// Not parallel: it measures allocations.
	tests := []struct {
		name  string
		entry string
		body  []byte
		want  string
	}{
		{"json", "/data.json", explodingJSON(63 << 20), `bundle entry "/data.json": decoded data over the limit of 1000000 values`},
		{"json in a subdirectory", "/a/b/data.json", explodingJSON(63 << 20), `bundle entry "/a/b/data.json": decoded data over the limit of 1000000 values`},
		{"yaml", "/data.yaml", explodingYAML(63 << 20), `bundle entry "/data.yaml": YAML data file over the limit of 2097152 bytes`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, size := craftArchive(t, []tarEntry{file("/.manifest", []byte(`{}`)), file(tc.entry, tc.body)})
			t.Logf("%d bytes compressed, %d uncompressed", size, len(tc.body))
			var err error
			alloc := allocDuring(func() {
				_, err = catalog.Load(t.Context(), []catalog.Source{{Path: path}}, catalog.Options{})
			})
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) || pe.File != path {
				t.Fatalf("err = %v, want a PolicyError naming the archive", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("err = %q, want one line containing %q", msg, tc.want)
			}
			if alloc > 256<<20 {
				t.Errorf("allocated %d MB refusing the archive, want under 256 MB", alloc>>20)
			}
			t.Logf("allocated %d MB", alloc>>20)
		})
	}
}

// TestDataBombDirectoryAndDataFiles closes the same hole for a bundle
// directory and for --data files, which may come from a pull request.
func TestDataBombDirectoryAndDataFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes a 63 MB bomb: the plain pass bounds it; the race pass (-short) finds nothing to race in one decode")
	}
	dir := t.TempDir()
	bomb := filepath.Join(dir, "policy", "data.json")
	if err := os.MkdirAll(filepath.Dir(bomb), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bomb, explodingJSON(63<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(dir, "data")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	extra := filepath.Join(dataDir, "allowlist.json")
	if err := os.WriteFile(extra, explodingJSON(63<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	yml := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(yml, explodingYAML(63<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts catalog.Options
		src  []catalog.Source
		file string
		want string
	}{
		{"directory bundle", catalog.Options{}, []catalog.Source{{Path: filepath.Dir(bomb)}}, filepath.Dir(bomb), bomb + ": decoded data over the limit of 1000000 values"},
		{"data file", catalog.Options{DataPaths: []string{extra}}, nil, extra, "decoded data over the limit of 1000000 values"},
		{"data directory", catalog.Options{DataPaths: []string{dataDir}}, nil, extra, "decoded data over the limit of 1000000 values"},
		{"yaml data file", catalog.Options{DataPaths: []string{yml}}, nil, yml, "YAML data file over the limit of 2097152 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocDuring(func() {
				_, err = catalog.Load(t.Context(), tc.src, tc.opts)
			})
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a PolicyError", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.file) || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("err = %q, want one line naming %s and containing %q", msg, tc.file, tc.want)
			}
			if alloc > 256<<20 {
				t.Errorf("allocated %d MB refusing the data, want under 256 MB", alloc>>20)
			}
			t.Logf("allocated %d MB", alloc>>20)
		})
	}
}

// laughs is a "billion laughs" YAML document: ten aliases of ten aliases,
// levels deep, a few hundred bytes that decode to 10^levels values.
func laughs(levels int) []byte {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	return []byte(b.String())
}

func TestDataLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		files  map[string]string // data files of a bundle directory
		limits catalog.DataLimits
		want   string // "" loads
	}{
		// Values: objects, arrays and scalars; keys are not values.
		{name: "json at the value limit", files: map[string]string{"data.json": `{"a": {"b": [1, "x"]}, "c": null}`}, limits: catalog.DataLimits{MaxValues: 6}},
		{name: "json over the value limit", files: map[string]string{"data.json": `{"a": {"b": [1, "x"]}, "c": null}`}, limits: catalog.DataLimits{MaxValues: 5}, want: "data.json: decoded data over the limit of 5 values (all data files together)"},
		{name: "yaml at the value limit", files: map[string]string{"data.yaml": "a:\n  b: [1, x]\nc: null\n"}, limits: catalog.DataLimits{MaxValues: 6}},
		{name: "yaml over the value limit", files: map[string]string{"data.yaml": "a:\n  b: [1, x]\nc: null\n"}, limits: catalog.DataLimits{MaxValues: 5}, want: "data.yaml: decoded data over the limit of 5 values"},
		{name: "yaml holding json", files: map[string]string{"data.yml": `{"a": [1, 2, 3]}`}, limits: catalog.DataLimits{MaxValues: 4}, want: "data.yml: decoded data over the limit of 4 values"},
		{name: "the limit is for all files together", files: map[string]string{"a/data.json": `[1, 2]`, "b/data.json": `[3, 4]`}, limits: catalog.DataLimits{MaxValues: 5}, want: "decoded data over the limit of 5 values (all data files together)"},
		{name: "the manifest counts", files: map[string]string{".manifest": `{"metadata": {"a": [1, 2, 3, 4, 5]}}`}, limits: catalog.DataLimits{MaxValues: 5}, want: ".manifest: decoded data over the limit of 5 values"},
		{name: "yaml aliases count each time they are used", files: map[string]string{"data.yaml": string(laughs(8))}, want: "data.yaml: decoded data over the limit of 1000000 values"},
		{name: "bytes of all files", files: map[string]string{"a/data.json": `"0123456789"`, "b/data.json": `"0123456789"`}, limits: catalog.DataLimits{MaxBytes: 20}, want: "data over the limit of 20 bytes (all data files together)"},
		{name: "yaml file size", files: map[string]string{"data.yaml": "a: 0123456789\n"}, limits: catalog.DataLimits{MaxYAMLFileBytes: 10}, want: "data.yaml: YAML data file over the limit of 10 bytes"},
		{name: "malformed json is left to OPA", files: map[string]string{"data.json": `{"a": [1,}`}, want: "data.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, body := range tc.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := catalog.Load(t.Context(), []catalog.Source{{Path: dir}}, catalog.Options{DataLimits: tc.limits})
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("data within the limits: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestDataPathsOnlyData keeps --data to JSON and YAML: a bundle archive or
// a .rego file among the data would be read without the archive limits.
func TestDataPathsOnlyData(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.json", `{"a": 1}`)
	write("b.yaml", "b: 2\n")
	write("bad.rego", "not rego at all")
	write("bundle.tar.gz", "not a bundle either")
	cat, err := catalog.Load(t.Context(), nil, catalog.Options{DataPaths: []string{dir}})
	if err != nil {
		t.Fatalf("a data directory with other files: %v", err)
	}
	if cat.Data["a"] == nil || cat.Data["b"] == nil {
		t.Errorf("data = %v, want a and b", cat.Data)
	}
	for _, name := range []string{"bundle.tar.gz", "bad.rego"} {
		_, err := catalog.Load(t.Context(), nil, catalog.Options{DataPaths: []string{filepath.Join(dir, name)}})
		if err == nil || !strings.Contains(err.Error(), name+": not a JSON or YAML file") {
			t.Errorf("--data %s: err = %v, want it refused", name, err)
		}
	}
}

package catalog_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// tarEntry is one crafted archive entry; body is written as it is, so a
// test can make a bomb of zeros.
type tarEntry struct {
	hdr  tar.Header
	body []byte
}

func file(name string, body []byte) tarEntry {
	return tarEntry{hdr: tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}, body: body}
}

// craftArchive writes entries as a .tar.gz and returns its path and size.
func craftArchive(t *testing.T, entries []tarEntry) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		if err := tw.WriteHeader(&e.hdr); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "crafted.tar.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Len()
}

func TestArchiveLimits(t *testing.T) {
	t.Parallel()
	rule := []byte("package main\n\nimport rego.v1\n\ndeny contains 1 if true\n")
	many := func(n int) []tarEntry {
		out := make([]tarEntry, n)
		for i := range out {
			out[i] = file(fmt.Sprintf("/p%05d.json", i), nil)
		}
		return out
	}
	tests := []struct {
		name    string
		entries []tarEntry
		limits  catalog.ArchiveLimits
		want    string
	}{
		{
			name:    "gzip bomb, one file over the default per-file limit",
			entries: []tarEntry{file("/.manifest", []byte(`{}`)), file("/zeros.json", make([]byte, catalog.DefaultMaxArchiveFileBytes+1))},
			want:    `bundle entry "/zeros.json" is larger than 67108864 bytes (the limit for one file): 67108865 bytes`,
		},
		{
			name: "gzip bomb, total over the limit",
			entries: []tarEntry{
				file("/a.json", make([]byte, 400<<10)), file("/b.json", make([]byte, 400<<10)), file("/c.json", make([]byte, 400<<10)),
			},
			limits: catalog.ArchiveLimits{MaxBytes: 1 << 20},
			want:   `archive expands to more than 1048576 bytes (the limit) at entry "/c.json"`,
		},
		{
			name:    "too many entries, default limit",
			entries: many(catalog.DefaultMaxArchiveFiles + 1),
			want:    "archive has more than 10000 entries (the limit)",
		},
		{
			name:    "too many entries, custom limit",
			entries: many(11),
			limits:  catalog.ArchiveLimits{MaxFiles: 10},
			want:    "archive has more than 10 entries (the limit)",
		},
		{name: "drive path", entries: []tarEntry{file("C:/evil.rego", rule)}, want: `bundle entry "C:/evil.rego" is an absolute path`},
		{name: "network path", entries: []tarEntry{file("//server/share/evil.rego", rule)}, want: `bundle entry "//server/share/evil.rego" is an absolute path`},
		{name: "backslash", entries: []tarEntry{file(`..\evil.rego`, rule)}, want: `has a backslash in its path`},
		{name: "dot dot", entries: []tarEntry{file("/a/../../evil.rego", rule)}, want: `bundle entry "/a/../../evil.rego" points outside the bundle`},
		{
			name:    "symlink",
			entries: []tarEntry{{hdr: tar.Header{Name: "/passwd.json", Linkname: "/etc/passwd", Typeflag: tar.TypeSymlink}}},
			want:    `bundle entry "/passwd.json" is a symbolic link (to "/etc/passwd")`,
		},
		{
			name:    "hard link",
			entries: []tarEntry{file("/a.rego", rule), {hdr: tar.Header{Name: "/b.rego", Linkname: "/a.rego", Typeflag: tar.TypeLink}}},
			want:    `bundle entry "/b.rego" is a hard link (to "/a.rego")`,
		},
		{
			name:    "device",
			entries: []tarEntry{{hdr: tar.Header{Name: "/zero", Typeflag: tar.TypeChar, Devmajor: 1, Devminor: 5}}},
			want:    `bundle entry "/zero" is a special file`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path, size := craftArchive(t, tc.entries)
			_, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}}, catalog.Options{ArchiveLimits: tc.limits})
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) || pe.File != path {
				t.Fatalf("err = %v, want a PolicyError naming the archive", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, path+": ") || !strings.Contains(msg, tc.want) {
				t.Errorf("err = %q, want %q", msg, tc.want)
			}
			if strings.Contains(tc.name, "bomb") {
				t.Logf("%d bytes compressed", size)
			}
		})
	}
}

func TestArchiveWithinLimits(t *testing.T) {
	t.Parallel()
	path, _ := craftArchive(t, []tarEntry{
		{hdr: tar.Header{Name: "/policy/", Mode: 0o755, Typeflag: tar.TypeDir}},
		file("/policy/p.rego", []byte("package main\n\nimport rego.v1\n\ndeny contains \"x\" if input.x\n")),
		file("/data.json", []byte(`{"a": 1}`)),
	})
	if _, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}}, catalog.Options{ArchiveLimits: catalog.ArchiveLimits{MaxFiles: 3, MaxBytes: 1 << 10}}); err != nil {
		t.Errorf("an archive at its limits: %v", err)
	}
	// The largest limits: a reader asks for one byte past a limit, which
	// wrapped around past math.MaxInt64 and read every file as empty.
	largest := catalog.Options{
		ArchiveLimits: catalog.ArchiveLimits{MaxBytes: math.MaxInt64, MaxFileBytes: math.MaxInt64},
		DataLimits:    catalog.DataLimits{MaxBytes: math.MaxInt64, MaxYAMLFileBytes: math.MaxInt64},
		RegoLimits:    catalog.RegoLimits{MaxBytes: math.MaxInt64},
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}}, largest)
	if err != nil || len(cat.Modules) != 1 {
		t.Errorf("an archive under the largest limits: %v", err)
	}
}

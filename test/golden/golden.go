// Package golden compares test output with files under testdata/, and
// rewrites them when tests run with -update. It is the one place the flag
// is defined.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden files")

// Assert compares got with testdata/name.golden, rewriting the file first
// under -update.
func Assert(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

// File compares got with the file at path, rewriting it first under
// -update: for files generated from the code that the code embeds (the
// tables worked out ahead of time), whose diff would say little. stale
// says how to write the file again.
func File(t *testing.T, path string, got []byte, stale string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Fatalf("%s is stale: %s", path, stale)
	}
}

// Updating reports whether the run rewrites golden files.
func Updating() bool { return *update }

package catalog_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// FuzzBundleArchive feeds arbitrary bytes to the bundle archive reader:
// it may refuse them, but never panic, and every error is a PolicyError
// naming the archive.
func FuzzBundleArchive(f *testing.F) {
	for _, files := range []map[string]string{
		{"/.manifest": `{"revision": "1.0.0", "roots": ["tenet/test"]}`, "/good.rego": goodRule},
		{"../../evil.rego": "package main\n"},
		{"/data.json": `{"a": 1}`},
	} {
		data, err := os.ReadFile(writeArchive(f, files))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("not a tarball"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.tar.gz")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}}, catalog.Options{})
		var pe *catalog.PolicyError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("error is not a PolicyError: %v", err)
		}
	})
}

package loader_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// seeds adds every testdata file and, when present, every file of
// ../shared/data/malformed to the corpus.
func seeds(f *testing.F) {
	f.Helper()
	for _, pattern := range []string{"testdata/*/*", "../../../shared/data/malformed/*", "../../../shared/data/cloudformation/*", "../../../shared/data/docker/*"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				continue // testdata/fuzz/<target>: go test reads those itself
			}
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// fuzzFormat checks the property every loader keeps: bad input never
// panics, and any error is a *FileError naming the file.
func fuzzFormat(f *testing.F, format input.Format) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := loader.Parse(t.Context(), "in.json", data, loader.Options{Format: format, KeepRaw: true})
		if err == nil {
			return
		}
		var fe *loader.FileError
		if !errors.As(err, &fe) || fe.Path != "in.json" {
			t.Fatalf("error does not name the file: %v", err)
		}
		if bytes.Contains([]byte(err.Error()), []byte("internal error")) {
			t.Fatalf("parser panicked: %v", err)
		}
	})
}

func FuzzDetect(f *testing.F)         { fuzzFormat(f, "") }
func FuzzTerraformPlan(f *testing.F)  { fuzzFormat(f, input.FormatTerraformPlan) }
func FuzzTerraformState(f *testing.F) { fuzzFormat(f, input.FormatTerraformState) }
func FuzzKubernetes(f *testing.F)     { fuzzFormat(f, input.FormatKubernetes) }
func FuzzJSON(f *testing.F)           { fuzzFormat(f, input.FormatJSON) }
func FuzzYAML(f *testing.F)           { fuzzFormat(f, input.FormatYAML) }
func FuzzCloudFormation(f *testing.F) { fuzzFormat(f, input.FormatCloudFormation) }
func FuzzDockerfile(f *testing.F)     { fuzzFormat(f, input.FormatDockerfile) }

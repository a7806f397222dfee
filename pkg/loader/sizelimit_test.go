package loader_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestSizeLimitChartsAndOverlays: every file the Helm and Kustomize
// loaders read is held to --max-file-size as a plan or a manifest is: the
// first one over the limit is refused, with a *FileError naming it and
// wrapping ErrTooLarge; under the limit the chart or overlay loads. The
// example files are of known sizes: the chart's Chart.yaml 269 bytes,
// templates/deployment.yaml 1,105 and values-prod.yaml 356; the overlay's
// kustomization.yaml 327, its patch harden.yaml 589, and the base's
// deployment.yaml 464.
func TestSizeLimitChartsAndOverlays(t *testing.T) {
	overlay := filepath.Join(kustomizeExample, "overlays/prod")
	generated := generatorOverlay(t)
	values := bigFile(t, 3000)
	tests := []struct {
		name    string
		input   string
		limit   int64
		helm    loader.HelmOptions
		want    string // the error's path; "" when the input loads
		mention string // a file the message names besides
	}{
		{name: "chart loads under the limit", input: helmExample, limit: 2000},
		{name: "chart's Chart.yaml", input: helmExample, limit: 200, want: filepath.Join(helmExample, "Chart.yaml")},
		{name: "chart's template", input: helmExample, limit: 1000, want: filepath.Join(helmExample, "templates/deployment.yaml")},
		// A values file is refused for each chart it is given to.
		{name: "values file given", input: helmExample, limit: 2000, helm: loader.HelmOptions{ValuesFiles: []string{values}}, want: helmExample, mention: "values file " + values + ": "},
		{name: "overlay loads under the limit", input: overlay, limit: 1000},
		{name: "overlay's kustomization", input: overlay, limit: 300, want: filepath.Join(overlay, "kustomization.yaml")},
		{name: "overlay's patch", input: overlay, limit: 500, want: filepath.Join(overlay, "harden.yaml")},
		{name: "base's resource", input: overlay, limit: 400, want: filepath.Join(kustomizeExample, "base/deployment.yaml")},
		{name: "generator's file", input: generated, limit: 1000, want: filepath.Join(generated, "big.properties")},
		{name: "generator loads under the limit", input: generated, limit: 3000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := loader.Read(t.Context(), tc.input, loader.Options{MaxFileSize: tc.limit, Helm: tc.helm})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Read = %v, want the input loaded", err)
				}
				return
			}
			var fe *loader.FileError
			if !errors.As(err, &fe) || !errors.Is(err, loader.ErrTooLarge) {
				t.Fatalf("Read = %v, want a *FileError wrapping ErrTooLarge", err)
			}
			if fe.Path != tc.want || !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("Read = %v, want a *FileError for %s naming %q", err, tc.want, tc.mention)
			}
		})
	}
}

// bigFile writes a values file of size bytes, big.yaml, and returns its
// path.
func bigFile(t *testing.T, size int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.yaml")
	data := "replicaCount: 2\n# " + strings.Repeat("x", size) + "\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// generatorOverlay writes a kustomization whose configMapGenerator reads
// a 2,000-byte file, and returns its directory.
func generatorOverlay(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"kustomization.yaml": "configMapGenerator:\n  - name: settings\n    files:\n      - big.properties\n",
		"big.properties":     "key=" + strings.Repeat("x", 2000) + "\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

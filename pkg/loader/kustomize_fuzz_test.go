package loader_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// FuzzKustomize checks the kustomize loader on a fuzzed kustomization
// beside a fuzzed resource file: it never panics, and an error is one
// line naming the overlay.
func FuzzKustomize(f *testing.F) {
	for _, p := range []string{"overlays/prod/kustomization.yaml", "base/kustomization.yaml", "overlays/remote/kustomization.yaml"} {
		data, err := os.ReadFile(filepath.Join(kustomizeExample, p))
		if err != nil {
			f.Fatal(err)
		}
		res, _ := os.ReadFile(filepath.Join(kustomizeExample, "base/deployment.yaml"))
		f.Add(data, res)
	}
	f.Add([]byte("resources:\n  - r.yaml\nnamePrefix: x-\ncommonLabels:\n  a: b\n"), []byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n"))
	f.Add([]byte("resources:\n  - r.yaml\npatches:\n  - patch: |-\n      - op: add\n        path: /data/x\n        value: y\n    target:\n      kind: ConfigMap\n"), []byte("kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: c\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, kustomization, resource []byte) {
		if err := os.WriteFile(filepath.Join(dir, "kustomization.yaml"), kustomization, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "r.yaml"), resource, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loader.Read(t.Context(), dir, loader.Options{}); err != nil {
			checkDirError(t, err, dir)
		}
	})
}

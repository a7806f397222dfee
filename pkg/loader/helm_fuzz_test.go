package loader_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// FuzzHelm checks the chart loader on a fuzzed template and values file:
// it never panics, and an error is one line naming the chart or one of its
// files.
func FuzzHelm(f *testing.F) {
	tmpl, err := os.ReadFile(filepath.Join(helmExample, "templates/deployment.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	vals, err := os.ReadFile(filepath.Join(helmExample, "values.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tmpl, vals)
	f.Add([]byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  a: {{ .Values.a | quote }}\n"), []byte("a: 1\n"))
	f.Add([]byte("{{ range $i, $e := .Values.list }}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{{ $i }}\n{{ end }}"), []byte("list: [1, 2]\n"))
	dir := f.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Chart.yaml"), []byte("apiVersion: v2\nname: fuzz\nversion: 0.1.0\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	helpers, _ := os.ReadFile(filepath.Join(helmExample, "templates/_helpers.tpl"))
	if err := os.WriteFile(filepath.Join(dir, "templates/_helpers.tpl"), helpers, 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, template, values []byte) {
		if err := os.WriteFile(filepath.Join(dir, "templates/main.yaml"), template, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "values.yaml"), values, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loader.Read(t.Context(), dir, loader.Options{}); err != nil {
			checkDirError(t, err, dir)
		}
	})
}

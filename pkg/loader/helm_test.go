package loader_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

const helmExample = "../../test/helm/web"

func helmObjects(t *testing.T, dir string, opts loader.Options) map[string]string {
	t.Helper()
	doc, err := loader.Read(t.Context(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source.Format != input.FormatKubernetes || doc.Source.Path != dir {
		t.Fatalf("source = %+v", doc.Source)
	}
	out := map[string]string{}
	for _, r := range doc.Resources {
		out[r.Address] = filepath.ToSlash(r.Location.File) + ":" + itoa(r.Location.Line)
	}
	return out
}

// TestHelmChart renders the example with its own values: the vendored
// dependency renders with it, NOTES.txt is not an object, and each object
// points at the template that produced it (the line of its kind).
func TestHelmChart(t *testing.T) {
	got := helmObjects(t, helmExample, loader.Options{})
	want := map[string]string{
		"Deployment/release-name-web":    helmExample + "/templates/deployment.yaml:2",
		"Service/release-name-web":       helmExample + "/templates/service.yaml:2",
		"StatefulSet/release-name-redis": helmExample + "/charts/redis/templates/statefulset.yaml:2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("objects (-want +got):\n%s", diff)
	}
}

// TestHelmValues: values files in order, then --set, as helm template.
func TestHelmValues(t *testing.T) {
	opts := loader.Options{Helm: loader.HelmOptions{ValuesFiles: []string{filepath.Join(helmExample, "values-prod.yaml")}, Set: []string{"image.tag=1.27.3", "replicaCount=5"}}}
	doc, err := loader.Read(t.Context(), helmExample, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Resources) != 2 {
		t.Fatalf("%d objects, want the redis dependency disabled by values-prod.yaml", len(doc.Resources))
	}
	dep := doc.Resources[0].Values
	spec := dep["spec"].(map[string]any)
	container := spec["template"].(map[string]any)["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	if fmt.Sprint(spec["replicas"]) != "5" || container["image"] != "nginx:1.27.3" {
		t.Errorf("replicas %v, image %v", spec["replicas"], container["image"])
	}
	if sc := container["securityContext"].(map[string]any); sc["readOnlyRootFilesystem"] != true {
		t.Errorf("securityContext from values-prod.yaml = %v", sc)
	}
}

// TestHelmWalk: a chart is one input; its templates and subcharts are not
// walked.
func TestHelmWalk(t *testing.T) {
	files, errs := loader.Files([]string{filepath.Dir(helmExample)})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if diff := cmp.Diff([]string{helmExample}, files); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
}

// TestHelmRefused: what helm template refuses is one error line naming
// the chart; a chart cannot read files outside itself or ask a cluster.
func TestHelmRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		chartYAML, template string
		opts                loader.HelmOptions
		want                string
	}{
		"render error":       {template: `{{ fail "the chart needs .Values.host" }}`, want: "the chart needs .Values.host"},
		"missing dependency": {chartYAML: "dependencies:\n  - name: postgresql\n    version: 1.0.0\n", template: "kind: ConfigMap", want: "missing in charts/ directory: postgresql"},
		"bad --set":          {template: "kind: ConfigMap", opts: loader.HelmOptions{Set: []string{"novalue"}}, want: "--set novalue"},
		"bad kube version":   {template: "kind: ConfigMap", opts: loader.HelmOptions{KubeVersion: "banana"}, want: `--kube-version "banana"`},
		"renders nothing":    {template: "{{- if .Values.never }}kind: ConfigMap{{ end }}", want: "renders no object"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{
				"Chart.yaml":          "apiVersion: v2\nname: c\nversion: 0.1.0\n" + tc.chartYAML,
				"templates/main.yaml": tc.template,
			})
			_, err := loader.Read(t.Context(), dir, loader.Options{Helm: tc.opts})
			var fe *loader.FileError
			if !errors.As(err, &fe) || fe.Path != dir {
				t.Fatalf("err = %v, want a FileError naming %s", err, dir)
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %q, want one line with %q", err, tc.want)
			}
		})
	}
}

// TestHelmSandbox: templates read only the chart's own files, and lookup
// (which asks a cluster) and getHostByName (which asks DNS) return nothing.
func TestHelmSandbox(t *testing.T) {
	secret, err := os.ReadFile("/etc/hostname")
	if err != nil || len(strings.TrimSpace(string(secret))) < 3 {
		t.Skip("no /etc/hostname to try to read")
	}
	dir := writeTree(t, map[string]string{
		"Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"templates/main.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  file: {{ .Files.Get "/etc/hostname" | quote }}
  up: {{ .Files.Get "../../../../../../etc/hostname" | quote }}
  lookup: {{ lookup "v1" "Secret" "default" "db" | toJson | quote }}
  dns: {{ getHostByName "example.com" | quote }}
`,
	})
	doc, err := loader.Read(t.Context(), dir, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := doc.Resources[0].Values["data"].(map[string]any)
	for k, v := range data {
		if s := fmt.Sprint(v); strings.Contains(s, strings.TrimSpace(string(secret))) || (k == "dns" && s != "") {
			t.Errorf("%s = %q: the template reached outside the chart", k, s)
		}
	}
}

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

const kustomizeExample = "../../test/kustomize"

// TestKustomize builds the example overlay: the objects are the built
// ones (prefix, namespace, patch applied), each located in the file it
// came from, without the origin annotation tenet asked kustomize for.
func TestKustomize(t *testing.T) {
	dir := filepath.Join(kustomizeExample, "overlays/prod")
	doc, err := loader.Read(t.Context(), dir, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source.Format != input.FormatKubernetes || doc.Source.Path != dir {
		t.Fatalf("source = %+v", doc.Source)
	}
	got := map[string]string{}
	for _, r := range doc.Resources {
		got[r.Address] = filepath.ToSlash(r.Location.File) + ":" + itoa(r.Location.Line)
		meta := r.Values["metadata"].(map[string]any)
		if ann, _ := meta["annotations"].(map[string]any); ann["config.kubernetes.io/origin"] != nil {
			t.Errorf("%s keeps the origin annotation", r.Address)
		}
	}
	want := map[string]string{
		"shop/Deployment/prod-web":             kustomizeExample + "/base/deployment.yaml:3",
		"shop/Service/prod-web":                kustomizeExample + "/base/service.yaml:1",
		"shop/NetworkPolicy/prod-default-deny": kustomizeExample + "/overlays/prod/network-policy.yaml:1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("objects (-want +got):\n%s", diff)
	}
	for _, r := range doc.Resources {
		if r.Type == "Deployment" {
			spec := r.Values["spec"].(map[string]any)
			if fmt.Sprint(spec["replicas"]) != "3" {
				t.Errorf("the patch is not applied: replicas = %v", spec["replicas"])
			}
		}
	}
}

// TestKustomizeWalk: walking the example gives the overlays only; the base
// is built as part of them and the patch is not read as an object.
func TestKustomizeWalk(t *testing.T) {
	files, errs := loader.Files([]string{kustomizeExample})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{filepath.Join(kustomizeExample, "overlays/prod"), filepath.Join(kustomizeExample, "overlays/remote")}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
}

// TestKustomizeRemoteBase: a remote base is not fetched; the overlay is
// not evaluated and says which base.
func TestKustomizeRemoteBase(t *testing.T) {
	dir := filepath.Join(kustomizeExample, "overlays/remote")
	doc, err := loader.Read(t.Context(), dir, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Resources) != 0 || len(doc.Unread) != 1 || doc.Unread[0].Path != dir ||
		!strings.Contains(doc.Unread[0].Reason, `remote base "https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v3.3.1" is not fetched`) {
		t.Errorf("doc = %+v", doc)
	}
}

// TestKustomizeRefused: what kustomize build refuses with its defaults is
// one error line naming the overlay: a missing file, a file outside the
// kustomization's root, Helm charts (which would run the helm binary) and
// exec plugins.
func TestKustomizeRefused(t *testing.T) {
	for name, tc := range map[string]struct{ kustomization, want string }{
		"missing file":  {"resources:\n  - missing.yaml\n", "missing.yaml"},
		"outside root":  {"resources:\n  - /etc/hostname\n", "/etc/hostname"},
		"helm chart":    {"helmCharts:\n  - name: nginx\n    repo: https://charts.example.com\n", "--enable-helm"},
		"exec plugin":   {"generators:\n  - gen.yaml\n", "external plugins disabled"},
		"no object out": {"resources: []\n", "outputs no object"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "kustomization.yaml"), []byte(tc.kustomization), 0o644); err != nil {
				t.Fatal(err)
			}
			gen := "apiVersion: example.com/v1\nkind: Exec\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: /bin/touch\n"
			if err := os.WriteFile(filepath.Join(dir, "gen.yaml"), []byte(gen), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := loader.Read(t.Context(), dir, loader.Options{})
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

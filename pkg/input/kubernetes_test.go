package input_test

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tenet-dev/tenet/pkg/input"
	regolib "github.com/tenet-dev/tenet/rego"
)

func TestKubernetesAddress(t *testing.T) {
	tests := []struct {
		apiVersion, kind, namespace, want string
	}{
		{"apps/v1", "Deployment", "", "Deployment/x"},
		{"apps/v1", "Deployment", "default", "Deployment/x"},
		{"apps/v1", "Deployment", "shop", "shop/Deployment/x"},
		{"rbac.authorization.k8s.io/v1", "ClusterRole", "shop", "ClusterRole/x"},
		{"v1", "Namespace", "shop", "Namespace/x"},
		{"", "Namespace", "shop", "Namespace/x"},
		{"example.com/v1", "Namespace", "shop", "shop/Namespace/x"},
		{"extensions/v1beta1", "PodSecurityPolicy", "shop", "PodSecurityPolicy/x"},
		{"cert-manager.io/v1", "ClusterIssuer", "shop", "shop/ClusterIssuer/x"}, // custom resources are taken as namespaced
	}
	for _, tc := range tests {
		if got := input.KubernetesAddress(tc.apiVersion, tc.kind, tc.namespace, "x"); got != tc.want {
			t.Errorf("KubernetesAddress(%q, %q, %q) = %q, want %q", tc.apiVersion, tc.kind, tc.namespace, got, tc.want)
		}
	}
}

// TestFixturesAddress checks that the rule tests' fixtures
// (tenet.lib.fixtures.kube_object) address objects as the loader does, for
// every cluster-scoped kind and a namespaced one, in and out of default.
func TestFixturesAddress(t *testing.T) {
	src, err := fs.ReadFile(regolib.FS, "lib/fixtures.rego")
	if err != nil {
		t.Fatal(err)
	}
	query, err := rego.New(
		rego.Query("data.tenet.lib.fixtures.kube_object(input).address"),
		rego.Module("fixtures.rego", string(src)),
	).PrepareForEval(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	type object struct{ apiVersion, kind string }
	objects := []object{{"apps/v1", "Deployment"}, {"example.com/v1", "Namespace"}, {"", "Node"}, {"", "Widget"}}
	for kind, groups := range input.ClusterScopedKinds {
		for _, g := range groups {
			apiVersion := "v1"
			if g != "" {
				apiVersion = g + "/v1"
			}
			objects = append(objects, object{apiVersion, kind})
		}
	}
	for _, o := range objects {
		for _, ns := range []string{"", "default", "shop"} {
			obj := map[string]any{"kind": o.kind, "metadata": map[string]any{"name": "x", "namespace": ns}}
			if o.apiVersion != "" {
				obj["apiVersion"] = o.apiVersion
			}
			rs, err := query.Eval(t.Context(), rego.EvalInput(obj))
			if err != nil || len(rs) != 1 {
				t.Fatalf("%v: %v %v", obj, rs, err)
			}
			want := input.KubernetesAddress(o.apiVersion, o.kind, ns, "x")
			if got := fmt.Sprint(rs[0].Expressions[0].Value); got != want {
				t.Errorf("%s %s in %q: fixtures give %q, the loader %q", o.apiVersion, o.kind, ns, got, want)
			}
		}
	}
}

package loader_test

import (
	"testing"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestKubernetesAddress checks that one object has one address however its
// namespace is spelled: metadata.namespace default and no namespace at
// all are the same object, as is a cluster-scoped object with a stray
// namespace (which Kubernetes ignores) and without one.
func TestKubernetesAddress(t *testing.T) {
	tests := []struct {
		name, object, want, wantNamespace string
	}{
		{"no namespace", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n", "Deployment/web", ""},
		{"namespace default", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: default}\n", "Deployment/web", "default"},
		{"empty namespace", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ''}\n", "Deployment/web", ""},
		{"other namespace", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n", "shop/Deployment/web", "shop"},
		{"cluster-scoped", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: view}\n", "ClusterRole/view", ""},
		{"cluster-scoped with a namespace", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: view, namespace: shop}\n", "ClusterRole/view", "shop"},
		{"core cluster-scoped", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, namespace: shop}\n", "Namespace/shop", "shop"},
		{"same kind in another group", "apiVersion: example.com/v1\nkind: Namespace\nmetadata: {name: n, namespace: shop}\n", "shop/Namespace/n", "shop"},
		{"custom resource", "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: tls, namespace: shop}\n", "shop/Certificate/tls", "shop"},
		{"custom resource in default", "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: tls, namespace: default}\n", "Certificate/tls", "default"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := loader.Parse(t.Context(), "m.yaml", []byte(tc.object), loader.Options{Format: input.FormatKubernetes})
			if err != nil {
				t.Fatal(err)
			}
			r := doc.Resources[0]
			if r.Address != tc.want || r.Namespace != tc.wantNamespace {
				t.Errorf("address %q, namespace %q; want %q, %q", r.Address, r.Namespace, tc.want, tc.wantNamespace)
			}
		})
	}
}

package tenet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestAttackBatch_ScanPolicyInPackageTenet: a --policy module in package
// tenet adds a definition of lib.kubernetes.same_input that always holds.
// Had it been batched beside it (package tenet once passed for outside the
// built-ins' namespace), a Namespace file would take the NetworkPolicy of
// another file, and its TNT-K8S-NET-001/002 findings would disappear: a
// scan must find what a scan without batches finds.
func TestAttackBatch_ScanPolicyInPackageTenet(t *testing.T) {
	dir, pol := t.TempDir(), t.TempDir()
	files := map[string]string{
		filepath.Join(dir, "ns.yaml"): "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n",
		filepath.Join(dir, "np.yaml"): "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n",
		filepath.Join(pol, "p.rego"):  "package tenet\n\nimport rego.v1\n\nlib.kubernetes.same_input(_, _) := true\n",
	}
	for p, text := range files {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	scan := func(opts ...Option) *finding.Result {
		t.Helper()
		s, err := New(t.Context(), append(opts, WithVersion("test"), WithPolicy(pol))...)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Scan(t.Context(), dir)
		if res == nil {
			t.Fatal(err)
		}
		return res
	}
	want := scan(withBatchObjects(-1))
	got := scan(WithParallel(1))
	if diff := cmp.Diff(want.Findings, got.Findings); diff != "" {
		t.Errorf("findings differ (-alone +batched):\n%s", diff)
	}
}

package tenet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/test/bench"
)

// withBatchObjects sets how many objects a batch holds; below 0, none is
// made.
func withBatchObjects(n int) Option { return func(c *config) { c.batchObjects = n } }

// TestScanBatches: a scan of many manifests gives, with batches of every
// size, the result it gives without them, also when one file breaks its
// batch's evaluation: a pod that sets the same sysctl twice makes a rule
// of TNT-K8S-POD-032 conflict. That file alone is then an input error,
// and the files that shared its batch keep their findings.
func TestScanBatches(t *testing.T) {
	dir := t.TempDir()
	if err := bench.WriteManifests(dir, 60, 1); err != nil {
		t.Fatal(err)
	}
	const conflict = `apiVersion: v1
kind: Pod
metadata: {name: twice, namespace: default}
spec:
  securityContext:
    sysctls:
    - {name: net.ipv4.ip_unprivileged_port_start, value: "80"}
    - {name: net.ipv4.ip_unprivileged_port_start, value: "90"}
  containers:
  - name: web
    image: nginx:1.25
    ports: [{containerPort: 85}]
`
	if err := os.WriteFile(filepath.Join(dir, "app-0030b.yaml"), []byte(conflict), 0o644); err != nil {
		t.Fatal(err)
	}
	scan := func(batched int64, opts ...Option) *finding.Result {
		t.Helper()
		s, err := New(t.Context(), append(opts, WithVersion("test"))...)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Scan(t.Context(), dir)
		if res == nil {
			t.Fatal(err)
		}
		if got := s.batched.Load(); batched >= 0 && got != batched || batched < 0 && got == 0 {
			t.Errorf("%d documents evaluated in batches, want %d (-1: some)", got, batched)
		}
		return res
	}
	want := scan(0, withBatchObjects(-1))
	if len(want.Errors) != 1 || !strings.Contains(want.Errors[0].Message, "conflict") || len(want.Findings) < 300 {
		t.Fatalf("without batches: %d findings, errors %+v: want hundreds and the conflict", len(want.Findings), want.Errors)
	}
	for _, n := range []int{1, 7, 0, 100000} {
		got := scan(-1, withBatchObjects(n), WithParallel(2))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("batches of %d objects: results differ (-alone +batched):\n%s", n, diff)
		}
	}
}

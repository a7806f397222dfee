package tenet

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestBatchesWhileLoading: the small files are evaluated in batches while
// another input still loads, so that a slow input (a Helm chart whose
// template loops, a pipe) does not hold back every other file, under
// --timeout making them all "not evaluated". Here standard input stays
// open until the other files have been evaluated; the result is that of a
// scan without batches.
func TestBatchesWhileLoading(t *testing.T) {
	dir := t.TempDir()
	if err := bench.WriteManifests(dir, 200, 1); err != nil {
		t.Fatal(err)
	}
	const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: piped, namespace: default}\nspec:\n  containers:\n  - {name: c, image: nginx, securityContext: {privileged: true}}\n"
	scan := func(stdin io.Reader, opts ...Option) (*Scanner, chan *finding.Result) {
		s, err := New(t.Context(), append(opts, WithVersion("test"), WithStdin(stdin), WithParallel(2))...)
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan *finding.Result, 1)
		go func() {
			res, _ := s.Scan(t.Context(), "-", dir)
			done <- res
		}()
		return s, done
	}
	_, plain := scan(strings.NewReader(pod), withBatchObjects(-1))
	want := <-plain
	r, w := io.Pipe()
	s, batched := scan(r)
	deadline := time.Now().Add(time.Minute)
	for s.batched.Load() < 190 {
		if time.Now().After(deadline) {
			t.Fatalf("%d files evaluated in batches while standard input is open, want 190 or more", s.batched.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := io.WriteString(w, pod); err != nil {
		t.Fatal(err)
	}
	w.Close()
	got := <-batched
	if want == nil || got == nil {
		t.Fatal("a scan failed")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results differ (-without batches +with):\n%s", diff)
	}
}

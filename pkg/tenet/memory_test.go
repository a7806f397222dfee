package tenet

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// TestMemoryLimit is the attack of a policy that builds a huge value:
// numbers.range(1, 1e9) grows to tens of gigabytes, and the operating
// system kills the process long before the evaluation timeout. With a
// memory limit the scan stops in seconds with a policy error that names
// the input and the custom rule, and the heap stays near the limit.
func TestMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "hog.rego")
	src := "package main\n\nimport rego.v1\n\ndeny contains msg if {\n\tn := count(numbers.range(1, 1000000000))\n\tmsg := sprintf(\"%d\", [n])\n}\n"
	if err := os.WriteFile(policy, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in.json")
	if err := os.WriteFile(in, []byte(`{}`), 0o600); err != nil {
		t.Fatal(err)
	}
	const limit = 256 << 20
	start := time.Now()
	_, err := Scan(t.Context(), []string{in}, WithoutBuiltins(), WithPolicy(policy), WithMemoryLimit(limit), WithEvalTimeout(2*time.Minute))
	var pe *catalog.PolicyError
	var me *MemoryLimitError
	if !errors.As(err, &pe) || !errors.As(err, &me) {
		t.Fatalf("err = %v, want a policy error holding a MemoryLimitError", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("the scan took %s to stop", d)
	}
	msg := err.Error()
	for _, want := range []string{in, "main.deny", "memory limit of 256 MiB"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not name %q", msg, want)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc > 2*limit {
		t.Errorf("after the scan the heap holds %d MiB", ms.HeapAlloc>>20)
	}
}

// TestMemoryLimitGarbage: garbage over the limit alone does not stop a
// scan (the guard collects before it decides), and an ordinary scan under
// a limit is unaffected. The collector is off, and 512 MiB of garbage is
// piled up before the scan starts.
func TestMemoryLimitGarbage(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	dir := t.TempDir()
	p := plan(t, dir, "plan.json", bucket("a", `{"bucket": "a"}`, `{}`))
	for range 32 {
		sink = make([]byte, 16<<20)
	}
	sink = nil
	res, err := Scan(t.Context(), []string{p}, WithoutBuiltins(), withBundleFS(testBundle()), WithMemoryLimit(256<<20))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
}

// sink keeps the garbage of TestMemoryLimitGarbage from being optimized away.
var sink []byte

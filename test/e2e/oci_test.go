package e2e

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/test/registry"
)

// ociRegistry starts a registry and points DOCKER_CONFIG at an empty
// directory, so that no run reads the user's credentials.
func ociRegistry(t *testing.T, opts registry.Options) *registry.Registry {
	t.Helper()
	reg := registry.Start(t, opts)
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	return reg
}

var pinnedRef = regexp.MustCompile(`pinned: (oci://\S+@sha256:[0-9a-f]{64})`)

// pushed runs tenet bundle push and returns the pinned reference printed.
func pushed(t *testing.T, ref string, sources ...string) string {
	t.Helper()
	got := run(t, "", append([]string{"bundle", "push", ref}, sources...)...)
	wantRun(t, got, 0, "pushed "+strings.TrimPrefix(ref, "oci://"), "")
	m := pinnedRef.FindStringSubmatch(got.stdout)
	if m == nil {
		t.Fatalf("push printed no pinned reference: %q", got.stdout)
	}
	return m[1]
}

// bundleSources reads the "bundles" of a JSON report: name to source.
func bundleSources(t *testing.T, stdout string) map[string]string {
	t.Helper()
	var res struct {
		Bundles []struct{ Name, Source string }
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	out := map[string]string{}
	for _, b := range res.Bundles {
		out[b.Name] = b.Source
	}
	return out
}

func TestOCIPushPullTest(t *testing.T) {
	reg := ociRegistry(t, registry.Options{})
	ref := reg.Host + "/policies/k8s:v1"
	pinned := pushed(t, ref, conftestPolicy)
	digest := pinned[strings.Index(pinned, "@")+1:]

	// The same findings from the directory, the pulled copy, the tag and
	// the pinned digest.
	dir := filepath.Join(t.TempDir(), "pulled")
	wantRun(t, run(t, "", "bundle", "pull", "oci://"+ref, "-o", dir), 0, "(conftest layout): 4 files to "+dir+", digest "+digest, "")
	for _, p := range []string{"deployment.rego", "deployment_test.rego", ".manifest"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("pull did not write %s: %v", p, err)
		}
	}
	want := "Deployment debug must set runAsNonRoot"
	for _, p := range []string{conftestPolicy, dir, "oci://" + ref, pinned} {
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", p, k8sManifest), 1, want, "")
	}
	// The report names the reference and the digest pulled.
	got := run(t, "", "test", "--no-builtins", "-p", "oci://"+ref, "-o", "json", k8sManifest)
	if src := bundleSources(t, got.stdout)["k8s"]; src != "oci://"+ref+"@"+digest {
		t.Errorf("bundle source = %q, want oci://%s@%s", src, ref, digest)
	}
	got = run(t, "", "test", "--no-builtins", "-p", pinned, "-o", "json", k8sManifest)
	if src := bundleSources(t, got.stdout)["k8s"]; src != pinned {
		t.Errorf("bundle source = %q, want %s", src, pinned)
	}
	wantRun(t, run(t, "", "verify", "--no-builtins", "-p", pinned), 0, "2 passed", "")
	wantRun(t, run(t, "", "rules", "--no-builtins", "-p", "oci://"+ref), 0, "", "")

	// --pin prints only the pinned reference, for scripts.
	wantRun(t, run(t, "", "bundle", "push", "--pin", ref, conftestPolicy), 0, "", "")
	if got := run(t, "", "bundle", "push", "--pin", ref, conftestPolicy); got.stdout != pinned+"\n" {
		t.Errorf("push --pin printed %q, want %s", got.stdout, pinned)
	}
	if got := run(t, "", "bundle", "pull", "--pin", ref, "-o", t.TempDir()); got.stdout != pinned+"\n" {
		t.Errorf("pull --pin printed %q, want %s", got.stdout, pinned)
	}

	// Refusals: one line, exit 2.
	wantRun(t, run(t, "", "bundle", "pull", ref, "-o", dir), 2, "", dir+" is not empty")
	wantRun(t, run(t, "", "bundle", "pull", ref), 2, "", "-o DIR")
	missing := reg.Host + "/policies/k8s@sha256:" + strings.Repeat("0", 64)
	wantRun(t, run(t, "", "test", "-p", "oci://"+missing, k8sManifest), 2, "", "not found in registry "+reg.Host)
	wantRun(t, run(t, "", "bundle", "push", ref, filepath.Join(t.TempDir(), "nothing")), 2, "", "nothing")
}

func TestOCIUnreachable(t *testing.T) {
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host := l.Addr().String()
	l.Close()
	for _, args := range [][]string{
		{"test", "-p", "oci://" + host + "/p:v1", k8sManifest},
		{"verify", "-p", "oci://" + host + "/p:v1"},
		{"bundle", "pull", host + "/p:v1", "-o", t.TempDir()},
		{"bundle", "push", host + "/p:v1", conftestPolicy},
	} {
		wantRun(t, run(t, "", args...), 2, "", "registry "+host+" unreachable")
	}
}

// A signed bundle keeps its signature through push and pull, and a
// changed file pushed with the old signature is refused.
func TestOCISignedBundle(t *testing.T) {
	reg := ociRegistry(t, registry.Options{})
	priv, pub := writeKeys(t)
	dir := t.TempDir()
	signed := filepath.Join(dir, "signed.tar.gz")
	wantRun(t, run(t, "", "bundle", "build", conftestPolicy, "-o", signed, "--signing-key", priv), 0, "signed", "")
	ref := reg.Host + "/signed:v1"
	pushed(t, ref, signed)
	wantRun(t, run(t, "", "test", "--no-builtins", "--verification-key", pub, "-p", "oci://"+ref, k8sManifest), 1, "runAsNonRoot", "")
	pulled := filepath.Join(dir, "pulled")
	wantRun(t, run(t, "", "bundle", "pull", ref, "-o", pulled), 0, "5 files", "")
	wantRun(t, run(t, "", "test", "--no-builtins", "--verification-key", pub, "-p", pulled, k8sManifest), 1, "runAsNonRoot", "")

	tamper(t, signed, "deployment.rego")
	pushed(t, reg.Host+"/signed:tampered", signed)
	wantRun(t, run(t, "", "test", "--no-builtins", "--verification-key", pub, "-p", "oci://"+reg.Host+"/signed:tampered", k8sManifest), 2, "", "deployment.rego")

	unsigned := reg.Host + "/unsigned:v1"
	pushed(t, unsigned, conftestPolicy)
	wantRun(t, run(t, "", "test", "--no-builtins", "--verification-key", pub, "-p", "oci://"+unsigned, k8sManifest), 2, "", "not signed")
}

// Credentials come from $DOCKER_CONFIG/config.json; wrong ones are one
// line naming the registry, without the secret.
func TestOCICredentials(t *testing.T) {
	const user, pass = "ci", "Tr0ub4dor-and-3"
	reg := ociRegistry(t, registry.Options{Users: map[string]string{user: pass}})
	config := func(password string) {
		dir := t.TempDir()
		auth := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
		data := fmt.Sprintf(`{"auths": {%q: {"auth": %q}}}`, reg.Host, auth)
		if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("DOCKER_CONFIG", dir)
	}
	ref := reg.Host + "/private:v1"
	config(pass)
	pushed(t, ref, conftestPolicy)
	wantRun(t, run(t, "", "test", "--no-builtins", "-p", "oci://"+ref, k8sManifest), 1, "runAsNonRoot", "")

	const wrong = "wrong-Passw0rd"
	config(wrong)
	for _, args := range [][]string{
		{"test", "--no-builtins", "-p", "oci://" + ref, k8sManifest},
		{"bundle", "push", ref, conftestPolicy},
	} {
		got := run(t, "", args...)
		wantRun(t, got, 2, "", "registry "+reg.Host+": authentication failed")
		if strings.Contains(got.stderr, wrong) || strings.Contains(got.stderr, base64.StdEncoding.EncodeToString([]byte(user+":"+wrong))) {
			t.Errorf("the error shows the secret: %s", got.stderr)
		}
	}
}

// ociConftest finds conftest: $TENET_CONFTEST, else the one the
// side-by-side tests use.
func ociConftest(t *testing.T) string {
	if p := os.Getenv("TENET_CONFTEST"); p != "" {
		return p
	}
	if p := conftestTool(); p != "" {
		return p
	}
	t.Skip("conftest " + conftestVersion + " is not installed: go install github.com/open-policy-agent/conftest@" + conftestVersion + " (or make bench-peers), or set TENET_CONFTEST")
	return ""
}

// conftest pull reads what tenet bundle push wrote, and tenet reads what
// conftest push wrote, with the same findings.
func TestOCIConftestInterop(t *testing.T) {
	conftest := ociConftest(t)
	reg := ociRegistry(t, registry.Options{})
	abs := func(p string) string {
		a, err := filepath.Abs(filepath.Join(repoRoot, p))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	runConftest := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command(conftest, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1 && args[0] == "test") {
			t.Fatalf("conftest %v: %v\n%s", args, err, out)
		}
		return string(out)
	}

	t.Run("tenet push, conftest pull", func(t *testing.T) {
		ref := reg.Host + "/from-tenet:v1"
		pushed(t, ref, conftestPolicy)
		work := t.TempDir()
		runConftest(work, "pull", "oci://"+ref, "--policy", "policy")
		for _, p := range []string{"deployment.rego", "deployment_test.rego"} {
			if _, err := os.Stat(filepath.Join(work, "policy", p)); err != nil {
				t.Errorf("conftest pull did not write %s: %v", p, err)
			}
		}
		out := runConftest(work, "test", "--no-color", "-p", "policy", abs(k8sManifest))
		if !strings.Contains(out, "Deployment debug must set runAsNonRoot") || !strings.Contains(out, "1 failure") {
			t.Errorf("conftest test on the pulled policy:\n%s", out)
		}
	})

	t.Run("conftest push, tenet pull", func(t *testing.T) {
		ref := reg.Host + "/from-conftest:v1"
		work := t.TempDir()
		if err := os.CopyFS(filepath.Join(work, "policy"), os.DirFS(abs(conftestPolicy))); err != nil {
			t.Fatal(err)
		}
		runConftest(work, "push", ref)
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", "oci://"+ref, k8sManifest), 1, "Deployment debug must set runAsNonRoot", "")
		dir := filepath.Join(t.TempDir(), "pulled")
		wantRun(t, run(t, "", "bundle", "pull", ref, "-o", dir), 0, "(conftest layout): 2 files", "")
		wantRun(t, run(t, "", "verify", "--no-builtins", "-p", dir), 0, "2 passed", "")
	})
}

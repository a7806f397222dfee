package e2e

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	conftestPolicy = "test/e2e/testdata/policy-conftest"
	k8sManifest    = "test/examples/k8s.yaml"
)

// writeKeys writes a fresh RSA key pair as PEM files and returns their
// paths: private, public.
func writeKeys(t *testing.T) (string, string) {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	priv := filepath.Join(dir, "private.pem")
	public := filepath.Join(dir, "public.pem")
	if err := os.WriteFile(priv, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(public, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub}), 0o644); err != nil {
		t.Fatal(err)
	}
	return priv, public
}

// tamper rewrites a bundle archive with the file name's content changed.
func tamper(t *testing.T, archive, name string) {
	t.Helper()
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	found := false
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(h.Name, name) {
			body = append(body, "\n# changed after signing\n"...)
			found = true
		}
		h.Size = int64(len(body))
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if !found {
		t.Fatalf("%s not in %s", name, archive)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(archive, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func wantRun(t *testing.T, got runResult, code int, stdout, stderr string) {
	t.Helper()
	if got.code != code {
		t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", got.code, code, got.stdout, got.stderr)
	}
	if !strings.Contains(got.stdout, stdout) {
		t.Errorf("stdout %q does not contain %q", got.stdout, stdout)
	}
	if !strings.Contains(got.stderr, stderr) {
		t.Errorf("stderr %q does not contain %q", got.stderr, stderr)
	}
	if code == 2 && strings.Count(got.stderr, "\n") != 1 {
		t.Errorf("stderr is not one line: %q", got.stderr)
	}
}

func TestSignedBundleCLI(t *testing.T) {
	priv, pub := writeKeys(t)
	_, otherPub := writeKeys(t)
	dir := t.TempDir()
	signed := filepath.Join(dir, "signed.tar.gz")
	unsigned := filepath.Join(dir, "unsigned.tar.gz")

	wantRun(t, run(t, "", "bundle", "build", conftestPolicy, "-o", signed, "--revision", "1.2.3", "--signing-key", priv), 0,
		`: 3 files, revision "1.2.3", roots [], signed with key "default"`, "")
	wantRun(t, run(t, "", "bundle", "build", conftestPolicy, "-o", unsigned), 0, "unsigned", "")

	t.Run("verifies", func(t *testing.T) {
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", signed, "--verification-key", pub, k8sManifest), 1, "main.deny", "")
		wantRun(t, run(t, "", "verify", "--no-builtins", "-p", signed, "--verification-key", pub), 0, "2 passed, 0 failed", "")
		wantRun(t, run(t, "", "rules", "--no-builtins", "-p", signed, "--verification-key", pub), 0, "main.deny", "")
	})
	t.Run("unsigned refused", func(t *testing.T) {
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", unsigned, "--verification-key", pub, k8sManifest), 2, "",
			"tenet: "+unsigned+": bundle is not signed (no .signatures.json) but a verification key was given")
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", conftestPolicy, "--verification-key", pub, k8sManifest), 2, "",
			"bundle is not signed")
	})
	t.Run("wrong key refused", func(t *testing.T) {
		wantRun(t, run(t, "", "verify", "--no-builtins", "-p", signed, "--verification-key", otherPub), 2, "",
			"tenet: "+signed+": bundle signature does not verify: failed to verify JWT signature")
	})
	t.Run("tampered refused", func(t *testing.T) {
		tampered := filepath.Join(t.TempDir(), "tampered.tar.gz")
		data, err := os.ReadFile(signed)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(tampered, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tamper(t, tampered, "deployment.rego")
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", tampered, "--verification-key", pub, k8sManifest), 2, "",
			"deployment.rego: digest mismatch")
	})
	t.Run("bad key file", func(t *testing.T) {
		wantRun(t, run(t, "", "test", "-p", signed, "--verification-key", filepath.Join(dir, "nope.pem"), k8sManifest), 2, "",
			"read verification key: open ")
		wantRun(t, run(t, "", "test", "-p", signed, "--verification-key", priv, k8sManifest), 2, "",
			`verification key is a PEM "RSA PRIVATE KEY" block; want a public key or certificate`)
	})
	t.Run("HMAC secret needs the algorithm", func(t *testing.T) {
		secret := filepath.Join(t.TempDir(), "secret")
		if err := os.WriteFile(secret, []byte("s3cret-shared"), 0o600); err != nil {
			t.Fatal(err)
		}
		hmac := filepath.Join(t.TempDir(), "hmac.tar.gz")
		wantRun(t, run(t, "", "bundle", "build", conftestPolicy, "-o", hmac, "--signing-key", secret, "--signing-alg", "HS256"), 0, "signed", "")
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", hmac, "--verification-key", secret, k8sManifest), 2, "",
			"tenet: verification key is not a PEM public key or certificate (a shared HMAC secret needs the algorithm given: HS256, HS384 or HS512)")
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", hmac, "--verification-key", secret, "--verification-alg", "HS256", k8sManifest), 1, "main.deny", "")
		// The forgery: a bundle signed with HS256 using the public key's own
		// bytes as the secret.
		forged := filepath.Join(t.TempDir(), "forged.tar.gz")
		wantRun(t, run(t, "", "bundle", "build", conftestPolicy, "-o", forged, "--signing-key", pub, "--signing-alg", "HS256"), 0, "signed", "")
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", forged, "--verification-key", pub, k8sManifest), 2, "",
			"bundle signature does not verify: signed with HS256, but the verification key is for RS256")
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", forged, "--verification-key", pub, "--verification-alg", "HS256", k8sManifest), 2, "",
			`verification key is a PEM "PUBLIC KEY" block, not a shared secret for HS256`)
	})
}

// opaBinary returns the pinned opa CLI that make opa installs, or skips.
func opaBinary(t *testing.T) string {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(repoRoot, "bin", "opa-v*", "opa")) // a bad pattern is impossible here
	if len(matches) == 0 {
		t.Skip("the pinned opa CLI is not installed (make opa)")
	}
	abs, err := filepath.Abs(matches[len(matches)-1])
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestSignedBundleOPAInterop shows that the signature format is OPA's:
// bundles signed by opa build verify in tenet, and bundles signed by
// tenet verify in opa, and both refuse a tampered file.
func TestSignedBundleOPAInterop(t *testing.T) {
	opa := opaBinary(t)
	priv, pub := writeKeys(t)
	dir := t.TempDir()
	opaRun := func(args ...string) (string, error) {
		cmd := exec.Command(opa, args...)
		cmd.Dir = repoRoot
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	t.Run("opa signs, tenet verifies", func(t *testing.T) {
		bundle := filepath.Join(dir, "opa-signed.tar.gz")
		if out, err := opaRun("build", "-b", conftestPolicy, "--signing-key", priv, "--revision", "opa-1", "-o", bundle); err != nil {
			t.Fatalf("opa build: %v\n%s", err, out)
		}
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", bundle, "--verification-key", pub, k8sManifest), 1, "main.deny", "")
		tamper(t, bundle, "deployment.rego")
		wantRun(t, run(t, "", "test", "--no-builtins", "-p", bundle, "--verification-key", pub, k8sManifest), 2, "", "digest mismatch")
	})
	t.Run("tenet signs, opa verifies", func(t *testing.T) {
		bundle := filepath.Join(dir, "tenet-signed.tar.gz")
		wantRun(t, run(t, "", "bundle", "build", conftestPolicy, "-o", bundle, "--signing-key", priv), 0, "signed", "")
		if out, err := opaRun("build", "-b", bundle, "--verification-key", pub, "-o", filepath.Join(dir, "out.tar.gz")); err != nil {
			t.Fatalf("opa build --verification-key refused tenet's bundle: %v\n%s", err, out)
		}
		tamper(t, bundle, "deployment.rego")
		out, err := opaRun("build", "-b", bundle, "--verification-key", pub, "-o", filepath.Join(dir, "out2.tar.gz"))
		if err == nil || !strings.Contains(out, "digest mismatch") {
			t.Errorf("opa accepted a tampered bundle: %v\n%s", err, out)
		}
	})
}

package catalog_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// keyPair is a signing key and its verification key, both PEM (or the
// same secret for HMAC).
type keyPair struct {
	alg             string
	private, public string
}

func rsaKeys(t *testing.T) keyPair {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return keyPair{
		alg:     "RS256",
		private: string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)})),
		public:  string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub})),
	}
}

func ecKeys(t *testing.T) keyPair {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return keyPair{
		alg:     "ES256",
		private: string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: priv})),
		public:  string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub})),
	}
}

// policyDir writes a small bundle directory: a rule, its test and data.
func policyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		".manifest":            `{"revision": "1.0.0", "roots": ["tenet/test"], "metadata": {"name": "signed"}}`,
		"good.rego":            goodRule,
		"good_test.rego":       "package tenet.test.good_test\n\nimport rego.v1\n\ntest_x if true\n",
		"tenet/test/data.json": `{"limit": 3}`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildArchive builds the policy directory into an archive.
func buildArchive(t *testing.T, opts catalog.BuildOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := catalog.Build(t.Context(), &buf, []string{policyDir(t)}, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "signed.tar.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// entry is one tar entry, in archive order.
type entry struct {
	name string
	body []byte
}

// rewriteArchive rewrites the archive at path after edit changed its
// entries: how an attacker would tamper with a bundle.
func rewriteArchive(t *testing.T, path string, edit func([]entry) []entry) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var entries []entry
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
		entries = append(entries, entry{h.Name, body})
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, e := range edit(entries) {
		if err := tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o600, Size: int64(len(e.body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSignedBundle(t *testing.T) {
	t.Parallel()
	for _, keys := range []keyPair{rsaKeys(t), ecKeys(t), {alg: "HS256", private: "s3cret-shared", public: "s3cret-shared"}} {
		t.Run(keys.alg, func(t *testing.T) {
			t.Parallel()
			path := buildArchive(t, catalog.BuildOptions{Revision: "2.0.0", SigningKey: keys.private, SigningAlg: keys.alg})
			verify := &catalog.VerificationKey{Key: keys.public}
			if keys.alg == "HS256" {
				verify.Algorithm = "HS256" // a secret is never implied
			}
			cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}, testFrameworks()}, catalog.Options{Verify: verify, Tests: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff("2.0.0", cat.Bundles[0].Revision); diff != "" {
				t.Errorf("revision (-want +got):\n%s", diff)
			}
			var names []string
			for name := range cat.Modules {
				names = append(names, filepath.Base(name))
			}
			if len(names) != 2 {
				t.Errorf("modules = %v, want the rule and its test", names)
			}
			if got := cat.Data["tenet"].(map[string]any)["test"].(map[string]any)["limit"]; got == nil {
				t.Errorf("data not loaded: %v", cat.Data)
			}
		})
	}
}

func TestSignedBundleTampered(t *testing.T) {
	t.Parallel()
	keys := rsaKeys(t)
	tests := []struct {
		name   string
		build  catalog.BuildOptions
		edit   func([]entry) []entry
		verify catalog.VerificationKey
		want   error
		detail string
	}{
		{
			name: "modified file",
			edit: func(es []entry) []entry {
				for i := range es {
					if es[i].name == "/good.rego" {
						es[i].body = bytes.Replace(es[i].body, []byte("input.bad"), []byte("input.never"), 1)
					}
				}
				return es
			},
			want: catalog.ErrSignature, detail: "good.rego: digest mismatch",
		},
		{
			name: "added file",
			edit: func(es []entry) []entry {
				return append(es, entry{"/extra.rego", []byte("package tenet.test.extra\n\nimport rego.v1\n\nallow := true\n")})
			},
			want: catalog.ErrSignature, detail: "file extra.rego not included in bundle signature",
		},
		{
			name: "removed file",
			edit: without("/good_test.rego"),
			want: catalog.ErrSignature, detail: "good_test.rego] specified in bundle signatures but not found",
		},
		{
			name: "modified data",
			edit: func(es []entry) []entry {
				for i := range es {
					if es[i].name == "/data.json" {
						es[i].body = []byte(`{"tenet": {"test": {"limit": 1000}}}`)
					}
				}
				return es
			},
			want: catalog.ErrSignature, detail: "data.json: digest mismatch",
		},
		{
			name:   "wrong key",
			verify: catalog.VerificationKey{Key: rsaKeys(t).public},
			want:   catalog.ErrSignature, detail: "failed to verify JWT signature",
		},
		{
			name:   "scope mismatch",
			build:  catalog.BuildOptions{Scope: "write"},
			verify: catalog.VerificationKey{Key: keys.public, Scope: "read"},
			want:   catalog.ErrSignature, detail: "scope mismatch",
		},
		{
			name: "signature removed",
			edit: without("/.signatures.json"),
			want: catalog.ErrUnsigned, detail: "bundle is not signed (no .signatures.json) but a verification key was given",
		},
		{
			name:  "unsigned",
			build: catalog.BuildOptions{SigningKey: "-"},
			want:  catalog.ErrUnsigned,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			opts := tc.build
			switch opts.SigningKey {
			case "":
				opts.SigningKey = keys.private
			case "-":
				opts.SigningKey = ""
			}
			path := buildArchive(t, opts)
			if tc.edit != nil {
				rewriteArchive(t, path, tc.edit)
			}
			verify := tc.verify
			if verify.Key == "" {
				verify.Key = keys.public
			}
			_, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}}, catalog.Options{Verify: &verify})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) || pe.File != path {
				t.Errorf("err = %#v, want a PolicyError naming %s", err, path)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.detail) || strings.Contains(msg, "\n") {
				t.Errorf("err = %q, want one line containing %q", msg, tc.detail)
			}
		})
	}
}

func TestVerificationSkipsBuiltins(t *testing.T) {
	t.Parallel()
	keys := rsaKeys(t)
	src := builtin(map[string]string{"good.rego": goodRule})
	if _, err := catalog.Load(t.Context(), []catalog.Source{src, testFrameworks()}, catalog.Options{Verify: &catalog.VerificationKey{Key: keys.public}}); err != nil {
		t.Errorf("an embedded bundle needs no signature: %v", err)
	}
	rego := filepath.Join(t.TempDir(), "one.rego")
	if err := os.WriteFile(rego, []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := catalog.Load(t.Context(), []catalog.Source{{Path: rego}}, catalog.Options{Verify: &catalog.VerificationKey{Key: keys.public}})
	if !errors.Is(err, catalog.ErrUnsigned) {
		t.Errorf("a lone .rego file with a key required: err = %v, want ErrUnsigned", err)
	}
}

func TestVerificationKeyErrors(t *testing.T) {
	t.Parallel()
	ec := ecKeys(t)
	tests := []struct {
		name string
		key  catalog.VerificationKey
		want string
	}{
		{"empty", catalog.VerificationKey{}, "verification key is empty"},
		{"private key", catalog.VerificationKey{Key: ec.private}, `verification key is a PEM "EC PRIVATE KEY" block`},
		{"bad algorithm", catalog.VerificationKey{Key: ec.public, Algorithm: "none"}, `unsupported signing algorithm "none"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := catalog.Load(t.Context(), nil, catalog.Options{Verify: &tc.key})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestBuildUnsignedLoads(t *testing.T) {
	t.Parallel()
	path := buildArchive(t, catalog.BuildOptions{Revision: "3.1.0"})
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}, testFrameworks()}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"TST-GOOD-001"}
	var got []string
	for _, r := range cat.Rules {
		got = append(got, r.ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	if cat.Bundles[0].Name != "signed" || cat.Bundles[0].Revision != "3.1.0" {
		t.Errorf("bundle = %+v, want name signed, revision 3.1.0", cat.Bundles[0])
	}
}

func TestBuildErrors(t *testing.T) {
	t.Parallel()
	dir := policyDir(t)
	other := policyDir(t) // the same files: the same bundle paths
	file := filepath.Join(dir, "good.rego")
	tests := []struct {
		name string
		dirs []string
		opts catalog.BuildOptions
		want string
	}{
		{name: "no directory", want: "no bundle directory given"},
		{name: "a file", dirs: []string{file}, want: file + ": not a directory"},
		{name: "missing", dirs: []string{filepath.Join(dir, "nope")}, want: "no such file or directory"},
		{name: "same path twice", dirs: []string{dir, other}, want: "same bundle path /good.rego as"},
		{name: "bad signing key", dirs: []string{dir}, opts: catalog.BuildOptions{SigningKey: "-----BEGIN NOTHING-----"}, want: "sign bundle:"},
		{name: "data over the limit", dirs: []string{dir}, opts: catalog.BuildOptions{DataLimits: catalog.DataLimits{MaxValues: 1}}, want: ": decoded data over the limit of 1 values"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := catalog.Build(t.Context(), io.Discard, tc.dirs, tc.opts)
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a PolicyError containing %q", err, tc.want)
			}
		})
	}
}

// without is an archive edit that drops the entry called name.
func without(name string) func([]entry) []entry {
	return func(es []entry) []entry {
		var out []entry
		for _, e := range es {
			if e.name != name {
				out = append(out, e)
			}
		}
		return out
	}
}

// derPublic is the public key of keys as DER bytes: not PEM, so it was
// once taken for an HMAC secret.
func derPublic(t *testing.T, keys keyPair) string {
	t.Helper()
	block, _ := pem.Decode([]byte(keys.public))
	if block == nil {
		t.Fatal("no PEM block")
	}
	return string(block.Bytes)
}

// TestSignedBundleAlgorithmConfusion is the HMAC forgery: the verifier is
// given a public key, the attacker (who has the public key, as everyone
// may) signs a bundle with HS256 using the key's own bytes as the secret.
// A key that is not a parseable public key is never a secret unless an
// HS* algorithm is asked for, and a public key is never a secret.
func TestSignedBundleAlgorithmConfusion(t *testing.T) {
	t.Parallel()
	keys := rsaKeys(t)
	der := derPublic(t, keys)
	broken := strings.Replace(keys.public, "-----BEGIN PUBLIC KEY-----", "-----BEGIN PUBLIC KEY----", 1)
	tests := []struct {
		name   string
		secret string // the attacker's HMAC secret
		verify catalog.VerificationKey
		want   string
	}{
		{
			name:   "DER public key, algorithm implied",
			secret: der,
			verify: catalog.VerificationKey{Key: der},
			want:   "verification key is not a PEM public key or certificate",
		},
		{
			name:   "PEM with a broken header, algorithm implied",
			secret: broken,
			verify: catalog.VerificationKey{Key: broken},
			want:   "verification key is not a PEM public key or certificate",
		},
		{
			name:   "PEM public key, algorithm implied",
			secret: keys.public,
			verify: catalog.VerificationKey{Key: keys.public},
			want:   "signed with HS256, but the verification key is for RS256",
		},
		{
			name:   "PEM public key, HS256 asked for",
			secret: keys.public,
			verify: catalog.VerificationKey{Key: keys.public, Algorithm: "HS256"},
			want:   `verification key is a PEM "PUBLIC KEY" block, not a shared secret for HS256`,
		},
		{
			name:   "PEM public key, RS256 asked for",
			secret: keys.public,
			verify: catalog.VerificationKey{Key: keys.public, Algorithm: "RS256"},
			want:   "signed with HS256, but the verification key is for RS256",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// OPA's signer reads the key from a file when given a path: the
			// DER bytes can be passed no other way.
			secret := filepath.Join(t.TempDir(), "secret")
			if err := os.WriteFile(secret, []byte(tc.secret), 0o600); err != nil {
				t.Fatal(err)
			}
			path := buildArchive(t, catalog.BuildOptions{SigningKey: secret, SigningAlg: "HS256"})
			_, err := catalog.Load(t.Context(), []catalog.Source{{Path: path}}, catalog.Options{Verify: &tc.verify})
			var pe *catalog.PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("a bundle signed with the public key as HMAC secret: err = %v, want it refused", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("err = %q, want one line containing %q", msg, tc.want)
			}
		})
	}
}

// TestVerificationKeyAlgorithm checks the key against the algorithm at
// startup, before any bundle is read: each algorithm family needs its own
// kind of key.
func TestVerificationKeyAlgorithm(t *testing.T) {
	t.Parallel()
	rsa, ec := rsaKeys(t), ecKeys(t)
	tests := []struct {
		name string
		key  catalog.VerificationKey
		want string // "" accepted
	}{
		{name: "RSA implies RS256", key: catalog.VerificationKey{Key: rsa.public}},
		{name: "RSA with PS256", key: catalog.VerificationKey{Key: rsa.public, Algorithm: "PS256"}},
		{name: "RSA with RS512", key: catalog.VerificationKey{Key: rsa.public, Algorithm: "RS512"}},
		{name: "P-256 implies ES256", key: catalog.VerificationKey{Key: ec.public}},
		{name: "P-256 with ES256", key: catalog.VerificationKey{Key: ec.public, Algorithm: "ES256"}},
		{name: "secret with HS256", key: catalog.VerificationKey{Key: "s3cret", Algorithm: "HS256"}},
		{name: "secret with HS512", key: catalog.VerificationKey{Key: "s3cret", Algorithm: "HS512"}},
		{name: "secret without algorithm", key: catalog.VerificationKey{Key: "s3cret"}, want: "verification key is not a PEM public key or certificate (a shared HMAC secret needs the algorithm given: HS256, HS384 or HS512)"},
		{name: "DER key without algorithm", key: catalog.VerificationKey{Key: derPublic(t, rsa)}, want: "verification key is not a PEM public key or certificate"},
		{name: "secret with RS256", key: catalog.VerificationKey{Key: "s3cret", Algorithm: "RS256"}, want: "verification key is not a PEM public key or certificate"},
		{name: "RSA with HS256", key: catalog.VerificationKey{Key: rsa.public, Algorithm: "HS256"}, want: `verification key is a PEM "PUBLIC KEY" block, not a shared secret for HS256`},
		{name: "private key with HS256", key: catalog.VerificationKey{Key: rsa.private, Algorithm: "HS256"}, want: `verification key is a PEM "RSA PRIVATE KEY" block, not a shared secret for HS256`},
		{name: "private key with RS256", key: catalog.VerificationKey{Key: rsa.private, Algorithm: "RS256"}, want: `verification key is a PEM "RSA PRIVATE KEY" block; want a public key or certificate`},
		{name: "RSA with ES256", key: catalog.VerificationKey{Key: rsa.public, Algorithm: "ES256"}, want: "verification key is an RSA key; ES256 needs an ECDSA key on curve P-256"},
		{name: "P-256 with RS256", key: catalog.VerificationKey{Key: ec.public, Algorithm: "RS256"}, want: "verification key is an ECDSA key; RS256 needs an RSA key"},
		{name: "P-256 with ES384", key: catalog.VerificationKey{Key: ec.public, Algorithm: "ES384"}, want: "verification key is an ECDSA key on curve P-256; ES384 needs curve P-384"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := catalog.Load(t.Context(), nil, catalog.Options{Verify: &tc.key})
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("err = %v, want the key accepted", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestSignedDirectoryAlgorithmConfusion is the same forgery as a bundle
// directory with a .signatures.json, as opa sign writes.
func TestSignedDirectoryAlgorithmConfusion(t *testing.T) {
	t.Parallel()
	keys := rsaKeys(t)
	dir := t.TempDir()
	rewriteArchive(t, buildArchive(t, catalog.BuildOptions{SigningKey: keys.public, SigningAlg: "HS256"}), func(es []entry) []entry {
		for _, e := range es {
			p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(e.name, "/")))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, e.body, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return es
	})
	_, err := catalog.Load(t.Context(), []catalog.Source{{Path: dir}}, catalog.Options{Verify: &catalog.VerificationKey{Key: keys.public}})
	if !errors.Is(err, catalog.ErrSignature) || !strings.Contains(err.Error(), "signed with HS256, but the verification key is for RS256") {
		t.Errorf("err = %v, want the HS256 signature refused", err)
	}
}

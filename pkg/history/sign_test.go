package history_test

import (
	"bytes"
	"compress/gzip"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

func newKey(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

// signedStore appends n runs signed with key to a new store.
func signedStore(t *testing.T, key crypto.Signer, n int) *history.Store {
	t.Helper()
	s, err := history.Open(filepath.Join(t.TempDir(), "history"), history.WithSigningKey(key))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		st := finding.StatusPass
		if i%2 == 1 {
			st = finding.StatusFail
		}
		if _, err := s.Append(t.Context(), start.Add(time.Duration(i)*time.Hour), result(st, "-")); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// verifier opens dir again to verify it with pub.
func verifier(t *testing.T, dir string, pub crypto.PublicKey) *history.Store {
	t.Helper()
	s, err := history.Open(dir, history.WithVerificationKey(pub))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readRecord(t *testing.T, path string) history.Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var r history.Record
	if err := json.Unmarshal(plain, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// writeForged writes r as an attacker with write access to the directory
// would: the record's sha256 recomputed over its content, gzipped.
func writeForged(t *testing.T, path string, r history.Record) {
	t.Helper()
	r.Hash = ""
	sig := r.Signature
	r.Signature = ""
	canon, err := json.Marshal(&r)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(canon)
	r.Hash = hex.EncodeToString(sum[:])
	r.Signature = sig
	data, err := json.Marshal(&r)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(append(data, '\n'))
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// forgePassingRun appends a record claiming a passing run after the newest
// one, with a recomputed sha256 and the chain link right.
func forgePassingRun(t *testing.T, s *history.Store, n int) string {
	t.Helper()
	last := readRecord(t, filepath.Join(s.Dir(), fmtName(n)))
	res := result(finding.StatusPass, "-")
	body, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	forged := history.Record{Seq: n + 1, Time: last.Time.Add(time.Hour), Tool: res.Tool, Bundles: res.Bundles,
		Inputs: []history.Input{{Path: "-"}}, PrevHash: last.Hash, KeyID: last.KeyID, Report: body}
	path := filepath.Join(s.Dir(), fmtName(n+1))
	writeForged(t, path, forged)
	return path
}

func fmtName(n int) string { return fmt.Sprintf("%06d.json.gz", n) }

// TestForgedRecord is the forgery attack: whoever can write the history
// directory appends a passing run with a recomputed sha256. The unsigned
// chain cannot tell (it proves only that records were not edited without
// recomputing the chain); a signed history names the forged record.
func TestForgedRecord(t *testing.T) {
	t.Run("unsigned chain accepts it", func(t *testing.T) {
		s := fill(t, 2)
		forgePassingRun(t, s, 2)
		if v, err := s.Verify(""); err != nil || v.Records != 3 {
			t.Fatalf("unsigned verify = %+v, %v; the documented limit is that it passes", v, err)
		}
	})
	t.Run("signed history rejects it", func(t *testing.T) {
		key := newKey(t)
		s := signedStore(t, key, 2)
		path := forgePassingRun(t, s, 2)
		_, err := verifier(t, s.Dir(), key.Public()).Verify("")
		var te *history.TamperError
		if !errors.As(err, &te) || te.File != path || !strings.Contains(te.Problem, "not signed") {
			t.Errorf("signed verify = %v; want %s: not signed", err, path)
		}
	})
	t.Run("forged with a copied signature", func(t *testing.T) {
		key := newKey(t)
		s := signedStore(t, key, 2)
		last := readRecord(t, filepath.Join(s.Dir(), fmtName(2)))
		path := forgePassingRun(t, s, 2)
		r := readRecord(t, path)
		r.Signature = last.Signature
		writeForged(t, path, r)
		_, err := verifier(t, s.Dir(), key.Public()).Verify("")
		var te *history.TamperError
		if !errors.As(err, &te) || te.File != path || !strings.Contains(te.Problem, "signature does not match") {
			t.Errorf("signed verify = %v; want %s: signature does not match", err, path)
		}
	})
}

// TestSignedTampered: editing a signed record and recomputing its sha256
// (and the next record's link) fails signed verification at the edited
// record; stripping every signature fails too.
func TestSignedTampered(t *testing.T) {
	key := newKey(t)
	tests := map[string]struct {
		tamper  func(t *testing.T, s *history.Store)
		badFile int
		problem string
	}{
		"edited and rehashed": {func(t *testing.T, s *history.Store) {
			r := readRecord(t, filepath.Join(s.Dir(), fmtName(2)))
			r.Report = json.RawMessage(strings.Replace(string(r.Report), `"status":"fail"`, `"status":"pass"`, 1))
			writeForged(t, filepath.Join(s.Dir(), fmtName(2)), r)
		}, 2, "signature does not match"},
		"key id changed": {func(t *testing.T, s *history.Store) {
			r := readRecord(t, filepath.Join(s.Dir(), fmtName(1)))
			r.KeyID = strings.Repeat("0", 64)
			writeForged(t, filepath.Join(s.Dir(), fmtName(1)), r)
		}, 1, "signed with another key"},
		"signatures stripped and chain recomputed": {func(t *testing.T, s *history.Store) {
			prev := ""
			for n := 1; n <= 3; n++ {
				path := filepath.Join(s.Dir(), fmtName(n))
				r := readRecord(t, path)
				r.Signature, r.KeyID, r.PrevHash = "", "", prev
				writeForged(t, path, r)
				prev = readRecord(t, path).Hash
			}
		}, 1, "not signed"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s := signedStore(t, key, 3)
			tc.tamper(t, s)
			_, err := verifier(t, s.Dir(), key.Public()).Verify("")
			var te *history.TamperError
			if !errors.As(err, &te) || te.File != filepath.Join(s.Dir(), fmtName(tc.badFile)) || !strings.Contains(te.Problem, tc.problem) {
				t.Errorf("verify = %v; want %s: %s", err, fmtName(tc.badFile), tc.problem)
			}
		})
	}
}

// TestSignedOtherKey: a history signed with one key fails verification
// with another, naming the first record.
func TestSignedOtherKey(t *testing.T) {
	s := signedStore(t, newKey(t), 2)
	_, err := verifier(t, s.Dir(), newKey(t).Public()).Verify("")
	var te *history.TamperError
	if !errors.As(err, &te) || te.File != filepath.Join(s.Dir(), fmtName(1)) || !strings.Contains(te.Problem, "signed with another key") {
		t.Errorf("verify = %v; want record 1 signed with another key", err)
	}
}

// TestSignedVerify: a signed history verifies with its key, for every key
// type; without a key, the chain is checked and the signatures counted.
func TestSignedVerify(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	for name, key := range map[string]crypto.Signer{"ed25519": newKey(t), "ecdsa": ec, "rsa": rs} {
		t.Run(name, func(t *testing.T) {
			s := signedStore(t, key, 3)
			v, err := verifier(t, s.Dir(), key.Public()).Verify("")
			if err != nil || v.Records != 3 || v.Signed != 3 || v.KeyID == "" {
				t.Errorf("verify with the key = %+v, %v", v, err)
			}
			v, err = s.Verify("")
			if err != nil || v.Records != 3 || v.Signed != 3 || v.KeyID != "" {
				t.Errorf("verify without a key = %+v, %v; want 3 signed, none checked", v, err)
			}
		})
	}
}

// TestAppendSigningMismatch: a store is signed from its first record with
// one key, or not at all; an append that would mix them is refused, so
// that a forgotten flag cannot break the history for good.
func TestAppendSigningMismatch(t *testing.T) {
	key := newKey(t)
	signed := signedStore(t, key, 1)
	plain, err := history.Open(signed.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Append(t.Context(), time.Now(), result(finding.StatusPass, "-")); err == nil || !strings.Contains(err.Error(), "signing key") {
		t.Errorf("unsigned append to a signed history = %v", err)
	}
	other, err := history.Open(signed.Dir(), history.WithSigningKey(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Append(t.Context(), time.Now(), result(finding.StatusPass, "-")); err == nil || !strings.Contains(err.Error(), "another key") {
		t.Errorf("append with another key = %v", err)
	}
	unsigned := fill(t, 1)
	late, err := history.Open(unsigned.Dir(), history.WithSigningKey(key))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := late.Append(t.Context(), time.Now(), result(finding.StatusPass, "-")); err == nil || !strings.Contains(err.Error(), "unsigned") {
		t.Errorf("signed append to an unsigned history = %v", err)
	}
	if v, err := verifier(t, signed.Dir(), key.Public()).Verify(""); err != nil || v.Records != 1 {
		t.Errorf("the refused appends changed the history: %+v, %v", v, err)
	}
}

// TestParseKeys: the PEM forms openssl and tenet history keygen write are
// read; a public key given as the private one (and the reverse) is a clear
// error.
func TestParseKeys(t *testing.T) {
	priv := newKey(t)
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	privPEM := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	pubDER, err := x509.MarshalPKIXPublicKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})

	signer, err := history.ParsePrivateKey(privPEM)
	if err != nil || !priv.Equal(signer) {
		t.Errorf("ParsePrivateKey = %v, %v", signer, err)
	}
	pub, err := history.ParsePublicKey(pubPEM)
	if err != nil || !priv.Public().(ed25519.PublicKey).Equal(pub) {
		t.Errorf("ParsePublicKey = %v, %v", pub, err)
	}
	if _, err := history.ParsePublicKey(privPEM); err == nil || !strings.Contains(err.Error(), "private key") {
		t.Errorf("ParsePublicKey(private) = %v", err)
	}
	if _, err := history.ParsePrivateKey(pubPEM); err == nil || !strings.Contains(err.Error(), "public key") {
		t.Errorf("ParsePrivateKey(public) = %v", err)
	}
	for _, bad := range []string{"", "not pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"} {
		if _, err := history.ParsePrivateKey([]byte(bad)); err == nil {
			t.Errorf("ParsePrivateKey(%q) accepted it", bad)
		}
		if _, err := history.ParsePublicKey([]byte(bad)); err == nil {
			t.Errorf("ParsePublicKey(%q) accepted it", bad)
		}
	}
	keyPEM, pubOut, err := history.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	k, err := history.ParsePrivateKey(keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	p, err := history.ParsePublicKey(pubOut)
	if err != nil || !k.Public().(ed25519.PublicKey).Equal(p) {
		t.Errorf("GenerateKey: the keys do not match: %v", err)
	}
}

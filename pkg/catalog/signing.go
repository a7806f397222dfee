package catalog

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/keys"
)

// DefaultKeyID is the key id used when none is given, as the opa CLI
// uses for --verification-key-id and for the key that signs in opa build.
const DefaultKeyID = "default"

// VerificationKey checks bundle signatures in OPA's format: a
// .signatures.json file holding a JWT that lists every file of the bundle
// with its hash. With a key, every policy source that is not built in
// must be a signed bundle whose files match the signature exactly.
type VerificationKey struct {
	// Key is a PEM public key (or certificate) for RS*, PS* and ES*
	// algorithms, or the shared secret for HS*.
	Key string
	// ID is the key id; empty means DefaultKeyID. It must match the
	// signature's key id.
	ID string
	// Algorithm is a JWS algorithm such as RS256, ES256 or HS256; empty
	// means the one the key implies (RS256 for RSA, ES256/384/512 for the
	// ECDSA curve, HS256 for a secret that is not PEM).
	Algorithm string
	// Scope, if set, must equal the scope claim of the signature.
	Scope string
}

// config turns the key into OPA's verification configuration, checking
// the key first so that a bad key is one clear error at startup rather
// than a confusing one per bundle.
func (k *VerificationKey) config() (*bundle.VerificationConfig, error) {
	if k == nil {
		return nil, nil
	}
	if k.Key == "" {
		return nil, errors.New("verification key is empty")
	}
	alg := k.Algorithm
	if alg == "" {
		var err error
		if alg, err = keyAlgorithm(k.Key); err != nil {
			return nil, err
		}
	}
	if !keys.IsSupportedAlgorithm(alg) {
		return nil, fmt.Errorf("unsupported signing algorithm %q", alg)
	}
	id := k.ID
	if id == "" {
		id = DefaultKeyID
	}
	kc := &bundle.KeyConfig{Key: k.Key, Algorithm: alg, Scope: k.Scope}
	return bundle.NewVerificationConfig(map[string]*bundle.KeyConfig{id: kc}, id, k.Scope, nil), nil
}

// keyAlgorithm infers the JWS algorithm from the key. It never infers an
// HMAC algorithm for a PEM key, so a public key cannot be mistaken for a
// shared secret.
func keyAlgorithm(key string) (string, error) {
	block, _ := pem.Decode([]byte(key))
	if block == nil {
		return "HS256", nil
	}
	var pub any
	var err error
	switch block.Type {
	case "PUBLIC KEY":
		pub, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		pub, err = x509.ParsePKCS1PublicKey(block.Bytes)
	case "CERTIFICATE":
		var cert *x509.Certificate
		if cert, err = x509.ParseCertificate(block.Bytes); err == nil {
			pub = cert.PublicKey
		}
	default:
		return "", fmt.Errorf("verification key is a PEM %q block; want a public key or certificate", block.Type)
	}
	if err != nil {
		return "", fmt.Errorf("parse verification key: %w", err)
	}
	switch p := pub.(type) {
	case *rsa.PublicKey:
		return "RS256", nil
	case *ecdsa.PublicKey:
		switch p.Curve.Params().BitSize {
		case 256:
			return "ES256", nil
		case 384:
			return "ES384", nil
		case 521:
			return "ES512", nil
		}
	}
	return "", fmt.Errorf("verification key of type %T is not supported (want RSA or ECDSA, or give the algorithm)", pub)
}

// Errors of signature verification; a PolicyError wraps them.
var (
	// ErrUnsigned is a policy source without a signature while a
	// verification key was given.
	ErrUnsigned = errors.New("bundle is not signed")
	// ErrSignature is a signature that does not verify, or files that do
	// not match it (changed, added or removed).
	ErrSignature = errors.New("bundle signature does not verify")
)

// signatureFailures are the messages of OPA's bundle reader that mean the
// signature or the signed file list does not match the bundle.
var signatureFailures = []string{
	"digest mismatch",
	"not included in bundle signature",
	"specified in bundle signatures but not found",
	"failed to verify JWT signature",
	"scope mismatch",
	"verification key corresponding to ID",
	"verification key ID is empty",
	".signatures.json",
	"failed to split compact JWT",
	"failed to base64 decode JWT",
}

// signatureError gives a verification failure from OPA's reader a sentinel
// that callers and tests can match, keeping OPA's detail.
func signatureError(err error, vc *bundle.VerificationConfig) error {
	if err == nil || vc == nil {
		return err
	}
	msg := err.Error()
	if strings.Contains(msg, "bundle missing .signatures.json file") {
		return fmt.Errorf("%w (no .signatures.json) but a verification key was given", ErrUnsigned)
	}
	for _, s := range signatureFailures {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w: %w", ErrSignature, err)
		}
	}
	return err
}

package catalog

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
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
	// means the one the public key implies (RS256 for RSA, ES256/384/512
	// for the ECDSA curve). A shared secret needs HS256, HS384 or HS512
	// given here: a key that is not PEM is never taken for a secret
	// otherwise, and a PEM key never is.
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
	alg, err := keyAlgorithm(k.Key, k.Algorithm)
	if err != nil {
		return nil, err
	}
	id := k.ID
	if id == "" {
		id = DefaultKeyID
	}
	kc := &bundle.KeyConfig{Key: k.Key, Algorithm: alg, Scope: k.Scope}
	return bundle.NewVerificationConfig(map[string]*bundle.KeyConfig{id: kc}, id, k.Scope, nil), nil
}

// keyAlgorithm returns the JWS algorithm to verify with: alg if given,
// else the one the key implies. The key is a shared secret only when an
// HS* algorithm is asked for, and then it must not be PEM: a public key
// taken for a secret lets anyone who has the public key sign. Any other
// algorithm needs a parseable public key of its own kind.
func keyAlgorithm(key, alg string) (string, error) {
	if alg != "" && !keys.IsSupportedAlgorithm(alg) {
		return "", fmt.Errorf("unsupported signing algorithm %q", alg)
	}
	block, _ := pem.Decode([]byte(key))
	if strings.HasPrefix(alg, "HS") {
		if block != nil {
			return "", fmt.Errorf("verification key is a PEM %q block, not a shared secret for %s (a public key as an HMAC secret lets anyone who has it sign)", block.Type, alg)
		}
		return alg, nil
	}
	if block == nil {
		return "", errors.New("verification key is not a PEM public key or certificate (a shared HMAC secret needs the algorithm given: HS256, HS384 or HS512)")
	}
	pub, err := publicKey(block)
	if err != nil {
		return "", err
	}
	switch p := pub.(type) {
	case *rsa.PublicKey:
		switch {
		case alg == "":
			return "RS256", nil
		case strings.HasPrefix(alg, "RS"), strings.HasPrefix(alg, "PS"):
			return alg, nil
		}
		return "", fmt.Errorf("verification key is an RSA key; %s needs an ECDSA key on curve %s", alg, curveFor[alg])
	case *ecdsa.PublicKey:
		curve := p.Curve.Params().Name
		implied := ""
		for a, c := range curveFor {
			if c == curve {
				implied = a
			}
		}
		switch {
		case alg == "" && implied != "":
			return implied, nil
		case alg == "":
			return "", fmt.Errorf("verification key is an ECDSA key on curve %s, which no algorithm uses", curve)
		case curveFor[alg] == "":
			return "", fmt.Errorf("verification key is an ECDSA key; %s needs an RSA key", alg)
		case curveFor[alg] != curve:
			return "", fmt.Errorf("verification key is an ECDSA key on curve %s; %s needs curve %s", curve, alg, curveFor[alg])
		}
		return alg, nil
	}
	return "", fmt.Errorf("verification key of type %T is not supported (want RSA or ECDSA)", pub)
}

// curveFor is the curve of each ECDSA algorithm.
var curveFor = map[string]string{"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}

// publicKey parses a PEM public key or certificate; a private key is
// refused, since a verifier has no business holding one.
func publicKey(block *pem.Block) (any, error) {
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
		return nil, fmt.Errorf("verification key is a PEM %q block; want a public key or certificate", block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("parse verification key: %w", err)
	}
	return pub, nil
}

// checkSignatureAlgorithm refuses a signature whose header names another
// algorithm than the key's. OPA verifies with the key's algorithm whatever
// the header says, so such a signature could not verify anyway; checking
// first gives a clear error and does not lean on that. Each of files is
// the content of a .signatures.json; what cannot be parsed is left to OPA
// to report.
func (b *builder) checkSignatureAlgorithm(files ...[]byte) error {
	if b.verify == nil {
		return nil
	}
	key, ok := b.verify.PublicKeys[b.verify.KeyID]
	if !ok {
		return nil
	}
	for _, f := range files {
		if err := checkTokenAlgorithms(f, key.Algorithm); err != nil {
			return err
		}
	}
	return nil
}

func checkTokenAlgorithms(sigs []byte, alg string) error {
	var file struct {
		Signatures []string `json:"signatures"`
	}
	if json.Unmarshal(sigs, &file) != nil {
		return nil
	}
	for _, token := range file.Signatures {
		head, _, _ := strings.Cut(token, ".")
		raw, err := base64.RawURLEncoding.DecodeString(head)
		if err != nil {
			continue
		}
		var header struct {
			Alg string `json:"alg"`
		}
		if json.Unmarshal(raw, &header) != nil {
			continue
		}
		if header.Alg != alg {
			return fmt.Errorf("%w: signed with %s, but the verification key is for %s", ErrSignature, header.Alg, alg)
		}
	}
	return nil
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
		// OPA's error is left out on purpose: this message says all it
		// does, and ErrUnsigned is what callers test for.
		return fmt.Errorf("%w (no .signatures.json) but a verification key was given", ErrUnsigned)
	}
	for _, s := range signatureFailures {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w: %w", ErrSignature, err)
		}
	}
	return err
}

package history

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
)

// minRSABits is the smallest RSA key accepted.
const minRSABits = 2048

// signedMessage is what a record's signature signs: its hash, which covers
// its content and PrevHash, under a prefix that keeps the signature from
// meaning anything to another program that trusts the same key.
func signedMessage(hash string) []byte {
	return []byte("tenet.history/v1 record " + hash)
}

// sign signs msg: ed25519 signs it whole, ECDSA (ASN.1) and RSA (PKCS #1
// v1.5) its sha256.
func sign(key crypto.Signer, msg []byte) ([]byte, error) {
	if _, ok := key.Public().(ed25519.PublicKey); ok {
		return key.Sign(rand.Reader, msg, crypto.Hash(0))
	}
	digest := sha256.Sum256(msg)
	return key.Sign(rand.Reader, digest[:], crypto.SHA256)
}

// verifySignature checks a signature made by sign.
func verifySignature(pub crypto.PublicKey, msg, sig []byte) bool {
	digest := sha256.Sum256(msg)
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return ed25519.Verify(k, msg, sig)
	case *ecdsa.PublicKey:
		return ecdsa.VerifyASN1(k, digest[:], sig)
	case *rsa.PublicKey:
		return rsa.VerifyPKCS1v15(k, crypto.SHA256, digest[:], sig) == nil
	}
	return false
}

// KeyID names a public key in records: the sha256 (hex) of its PKIX DER
// form, as `openssl pkey -pubin -outform DER | sha256sum` prints it. It
// fails for key types the store cannot use.
func KeyID(pub crypto.PublicKey) (string, error) {
	switch k := pub.(type) {
	case ed25519.PublicKey, *ecdsa.PublicKey:
	case *rsa.PublicKey:
		if k.N.BitLen() < minRSABits {
			return "", fmt.Errorf("RSA key of %d bits: want at least %d", k.N.BitLen(), minRSABits)
		}
	default:
		return "", fmt.Errorf("unsupported key type %T: want ed25519, ECDSA or RSA", pub)
	}
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:]), nil
}

// ParsePrivateKey reads a signing key from PEM: PKCS #8 ("PRIVATE KEY", as
// GenerateKey and openssl genpkey write), SEC 1 ("EC PRIVATE KEY") or
// PKCS #1 ("RSA PRIVATE KEY"); ed25519, ECDSA or RSA of at least 2048
// bits. Encrypted keys are not read.
func ParsePrivateKey(data []byte) (crypto.Signer, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, errors.New("no PEM block: want a private key file (-----BEGIN PRIVATE KEY-----)")
	}
	var key any
	var err error
	switch block.Type {
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "PUBLIC KEY", "RSA PUBLIC KEY":
		return nil, errors.New("this is a public key: signing needs the private key")
	case "ENCRYPTED PRIVATE KEY":
		return nil, errors.New("the private key is encrypted: give it unencrypted, readable only by the scanner")
	default:
		return nil, fmt.Errorf("PEM block %q is not a private key", block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("private key: %w", err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("unsupported key type %T: want ed25519, ECDSA or RSA", key)
	}
	if _, err := KeyID(signer.Public()); err != nil {
		return nil, err
	}
	return signer, nil
}

// ParsePublicKey reads a verification key from PEM: PKIX ("PUBLIC KEY",
// as GenerateKey and openssl pkey -pubout write) or PKCS #1 ("RSA PUBLIC
// KEY").
func ParsePublicKey(data []byte) (crypto.PublicKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, errors.New("no PEM block: want a public key file (-----BEGIN PUBLIC KEY-----)")
	}
	var key crypto.PublicKey
	var err error
	switch block.Type {
	case "PUBLIC KEY":
		key, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(block.Bytes)
	case "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
		return nil, errors.New("this is a private key: verify with the public key, and keep the private key with the scanner only")
	default:
		return nil, fmt.Errorf("PEM block %q is not a public key", block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("public key: %w", err)
	}
	if _, err := KeyID(key); err != nil {
		return nil, err
	}
	return key, nil
}

// GenerateKey makes an ed25519 key pair for signing a history: the private
// key as PKCS #8 PEM, the public key as PKIX PEM.
func GenerateKey() (private, public []byte, err error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	privDER, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: privDER}),
		pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER}), nil
}

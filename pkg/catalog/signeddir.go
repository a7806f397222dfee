package catalog

import (
	"encoding/base64"
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
	opaloader "github.com/open-policy-agent/opa/v1/loader"
)

// readSignedDir reads a bundle directory and checks it against its
// signature. Signatures name the files in two ways: opa sign names them by
// the path it was given (policy/x.rego), and OPA's file loader checks them
// so; a signature made for an archive (tenet bundle build, opa build, a
// bundle pulled from a registry and written out) names them from the
// bundle root (x.rego, .manifest), which only OPA's directory loader
// checks. The names the signature lists choose the loader; the chosen one
// then verifies the signature and every file, so a forged name gains
// nothing.
func (b *builder) readSignedDir(dir string, sigs []byte) (*bundle.Bundle, error) {
	if namesUnder(sigs, dir) {
		bdl, err := opaloader.NewFileLoader().
			WithProcessAnnotation(true).
			WithRegoVersion(b.regoVersion()).
			WithBundleVerificationConfig(b.verify).
			AsBundle(dir)
		return bdl, signatureError(err, b.verify)
	}
	// The directory loader gets an absolute root: at "." it mistakes
	// .signatures.json for signatures.json.
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	bdl, err := bundle.NewCustomReader(bundle.NewDirectoryLoader(root)).
		WithProcessAnnotations(true).
		WithRegoVersion(b.regoVersion()).
		WithBundleVerificationConfig(b.verify).
		WithBundleName(dir).
		Read()
	if err != nil {
		return nil, signatureError(err, b.verify)
	}
	return &bdl, nil
}

// namesUnder tells whether the first signature of a .signatures.json
// lists its files under dir, as opa sign does. The token is not verified
// here: this only chooses how the files are named for the verification.
func namesUnder(sigs []byte, dir string) bool {
	var file struct {
		Signatures []string `json:"signatures"`
	}
	if json.Unmarshal(sigs, &file) != nil || len(file.Signatures) == 0 {
		return true // OPA's loader reports what is wrong
	}
	parts := strings.Split(file.Signatures[0], ".")
	if len(parts) != 3 {
		return true
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return true
	}
	var payload struct {
		Files []struct {
			Name string `json:"name"`
		} `json:"files"`
	}
	if json.Unmarshal(raw, &payload) != nil || len(payload.Files) == 0 {
		return true
	}
	prefix := strings.TrimPrefix(filepath.ToSlash(filepath.Clean(dir)), "/") + "/"
	return strings.HasPrefix(strings.TrimPrefix(payload.Files[0].Name, "/"), prefix)
}

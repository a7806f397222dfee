package catalog

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	opaloader "github.com/open-policy-agent/opa/v1/loader"
)

// readBundle reads one source as an OPA bundle: an embedded bundle, a
// single .rego file, a bundle directory or a .tar.gz archive, checking it
// against the limits and the signature before and while OPA reads it.
func (b *builder) readBundle(src Source) (*bundle.Bundle, error) {
	tests := b.opts.Tests
	skipTests := func(_ string, info fs.FileInfo, _ int) bool {
		return !tests && !info.IsDir() && strings.HasSuffix(info.Name(), "_test.rego")
	}
	if src.FS != nil {
		// Embedded bundles are compiled into the binary: trusted, unsigned.
		return opaloader.NewFileLoader().
			WithProcessAnnotation(true).
			WithRegoVersion(ast.RegoV1).
			WithSkipBundleVerification(true).
			WithFilter(skipTests).
			WithFS(src.FS).
			AsBundle(".")
	}
	// A signed bundle lists its test files too: leaving them out would
	// fail verification, so they are read and dropped later.
	var filter opaloader.Filter = skipTests
	if b.verify != nil {
		filter = nil
	}
	if src.Archive != nil {
		return b.readArchiveBundle(src, src.Archive, filter)
	}
	info, err := os.Stat(src.Path)
	if err != nil {
		return nil, err
	}
	switch {
	case !info.IsDir() && strings.HasSuffix(src.Path, ".rego"):
		if b.verify != nil {
			return nil, fmt.Errorf("%w: a single .rego file carries no signature (build a signed bundle with tenet bundle build)", ErrUnsigned)
		}
		text, err := b.rego.readFile(src.Path)
		if err != nil {
			return nil, err
		}
		m, err := ast.ParseModuleWithOpts(src.Path, text, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: b.regoVersion()})
		if err != nil {
			return nil, err
		}
		return &bundle.Bundle{Modules: []bundle.ModuleFile{{Path: filepath.Base(src.Path), Parsed: m}}}, nil
	case info.IsDir():
		if err := b.budget.chargeBundleDir(src.Path); err != nil {
			return nil, err
		}
		if err := b.rego.chargeDir(src.Path); err != nil {
			return nil, err
		}
		if b.verify != nil {
			// A missing file is OPA's to report, as an unsigned bundle.
			sigs, _ := os.ReadFile(filepath.Join(src.Path, ".signatures.json"))
			if err := b.checkSignatureAlgorithm(sigs); err != nil {
				return nil, err
			}
			return b.readSignedDir(src.Path, sigs)
		}
		return opaloader.NewFileLoader().
			WithProcessAnnotation(true).
			WithRegoVersion(b.regoVersion()).
			WithSkipBundleVerification(true).
			WithFilter(filter).
			AsBundle(src.Path)
	}
	data, err := readArchiveFile(src.Path, b.limits)
	if err != nil {
		return nil, err
	}
	return b.readArchiveBundle(src, data, filter)
}

// readArchiveBundle reads a bundle archive held in memory, checking every
// entry and the signature before and while OPA reads it.
func (b *builder) readArchiveBundle(src Source, data []byte, filter opaloader.Filter) (*bundle.Bundle, error) {
	arc, err := checkArchive(data, b.limits, b.budget, b.rego)
	if err != nil {
		return nil, err
	}
	return b.readArchived(src, arc, filter)
}

// readArchived reads a checked archive with OPA's bundle reader,
// verifying its signature when a key is set.
func (b *builder) readArchived(src Source, arc *archive, filter opaloader.Filter) (*bundle.Bundle, error) {
	if err := b.checkSignatureAlgorithm(arc.signatures...); err != nil {
		return nil, err
	}
	dl := bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(arc.data), src.Path).
		WithFilter(filter).
		WithSizeLimitBytes(b.limits.MaxFileBytes)
	bdl, err := bundle.NewCustomReader(dl).
		WithProcessAnnotations(true).
		WithRegoVersion(b.regoVersion()).
		WithBundleVerificationConfig(b.verify).
		WithSkipBundleVerification(b.verify == nil).
		WithSizeLimitBytes(b.limits.MaxFileBytes + 1).
		WithBundleName(src.Path).
		Read()
	if err != nil {
		return nil, signatureError(err, b.verify)
	}
	return &bdl, nil
}

package catalog

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	opaloader "github.com/open-policy-agent/opa/v1/loader"
	"golang.org/x/sync/errgroup"
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
		filter := skipTests
		heads := (b.opts.MetadataOnly || b.opts.Lazy) && !b.opts.Tests
		if heads {
			filter = func(_ string, info fs.FileInfo, _ int) bool {
				return !info.IsDir() && strings.HasSuffix(info.Name(), ".rego")
			}
		}
		bdl, err := opaloader.NewFileLoader().
			WithProcessAnnotation(true).
			WithRegoVersion(ast.RegoV1).
			WithSkipBundleVerification(true).
			WithFilter(filter).
			WithFS(src.FS).
			AsBundle(".")
		if err != nil || !heads {
			return bdl, err
		}
		return bdl, addHeads(bdl, src.FS, b.cat.parserOptions())
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

// addHeads adds to bdl the head of each module of fsys but tests: its
// text up to its package clause, which holds the package's METADATA
// (MetadataOnly, Lazy), parsed as a module of its own, on every core.
func addHeads(bdl *bundle.Bundle, fsys fs.FS, opts ast.ParserOptions) error {
	names, err := regoModules(fsys)
	if err != nil {
		return err
	}
	files := make([]bundle.ModuleFile, len(names))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, name := range names {
		g.Go(func() error {
			text, head, err := readHead(fsys, name)
			if err != nil {
				return err
			}
			m, err := parseHead("/"+name, head, opts)
			if err != nil {
				return err
			}
			// Raw is the whole text, which Options.Lazy parses later.
			files[i] = bundle.ModuleFile{URL: "/" + name, Path: "/" + name, Raw: text, Parsed: m}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	bdl.Modules = append(bdl.Modules, files...)
	return nil
}

// regoModules lists the Rego modules of fsys but tests.
func regoModules(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(name, ".rego") && !strings.HasSuffix(name, "_test.rego") {
			names = append(names, name)
		}
		return err
	})
	return names, err
}

// readHead reads module name of fsys: its text and its head (packageHead).
func readHead(fsys fs.FS, name string) (text, head []byte, err error) {
	if text, err = fs.ReadFile(fsys, name); err != nil {
		return nil, nil, err
	}
	head, ok := packageHead(text)
	if !ok {
		return nil, nil, fmt.Errorf("%s: no package clause at the start of a line", name)
	}
	return text, head, nil
}

// parseHead parses head, the text of module name up to its package
// clause, or takes it from the table of the built-in heads.
func parseHead(name string, head []byte, opts ast.ParserOptions) (*ast.Module, error) {
	if opts.ProcessAnnotation && opts.RegoVersion == ast.RegoV1 {
		if m := tableHead(name, head); m != nil {
			return m, nil
		}
	}
	return ast.ParseModuleWithOpts(name, string(head), opts)
}

// packageHead is text up to the end of its first line that starts with
// "package ".
func packageHead(text []byte) ([]byte, bool) {
	for at := 0; at < len(text); {
		end := bytes.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text) - at
		}
		if bytes.HasPrefix(text[at:], []byte("package ")) {
			return text[:at+end], true
		}
		at += end + 1
	}
	return nil, false
}

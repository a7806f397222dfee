package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	opaloader "github.com/open-policy-agent/opa/v1/loader"
)

// BuildOptions says how Build writes a bundle archive.
type BuildOptions struct {
	// Revision is written to the manifest; empty keeps the revision of the
	// source manifest, if any.
	Revision string
	// SigningKey, when set, signs the bundle: a PEM private key for RS*,
	// PS* and ES* algorithms, or the shared secret for HS*.
	SigningKey string
	// SigningAlg is the JWS algorithm; empty means RS256, as in opa build.
	SigningAlg string
	// KeyID names the signing key in the signature; empty means
	// DefaultKeyID.
	KeyID string
	// ClaimsFile is a JSON file of extra claims for the signature, as
	// opa build --claims-file.
	ClaimsFile string
	// Scope, if set, is written as the signature's scope claim; a verifier
	// must then ask for the same scope.
	Scope string
	// DataLimits bounds the data of the directories, as Options.DataLimits
	// does when loading; zero fields mean the defaults.
	DataLimits DataLimits
	// RegoLimits bounds the Rego source of the directories, as
	// Options.RegoLimits does when loading; zero fields mean the defaults.
	RegoLimits RegoLimits
	// RegoVersion is the syntax of directories whose .manifest names none
	// (as Options.RegoVersion); zero means v1. It is written to the
	// manifest, so that OPA and tenet read the archive as it was written.
	RegoVersion ast.RegoVersion
}

// BuildInfo describes a bundle that Build wrote.
type BuildInfo struct {
	Revision string
	Roots    []string
	// Files lists the policy and data files in the archive, sorted.
	Files []string
	// Signed is true when the archive holds a .signatures.json.
	Signed bool
}

// Build writes the policies (.rego, tests included) and data (data.json,
// data.yaml) of dirs to w as one OPA bundle archive with a .manifest, the
// format opa build -b writes, signed with OPA's signature format when
// opts.SigningKey is set. Each directory's files keep their paths relative
// to it; a .manifest in a directory gives the roots and metadata (roots of
// several directories are merged). Errors are *PolicyError.
func Build(ctx context.Context, w io.Writer, dirs []string, opts BuildOptions) (*BuildInfo, error) {
	if len(dirs) == 0 {
		return nil, &PolicyError{Err: errors.New("no bundle directory given")}
	}
	out := bundle.Bundle{Data: map[string]any{}}
	var roots []string
	allRoots := true // every directory has a manifest with roots
	seen := map[string]string{}
	budget := newDataBudget(opts.DataLimits)
	rego := newRegoBudget(opts.RegoLimits)
	version := opts.RegoVersion
	if version == ast.RegoUndefined {
		version = ast.RegoV1
	}
	written := ast.RegoUndefined
	for _, dir := range dirs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		info, err := os.Stat(dir)
		if err != nil {
			return nil, &PolicyError{File: dir, Err: err}
		}
		if !info.IsDir() {
			return nil, &PolicyError{File: dir, Err: errors.New("not a directory")}
		}
		if err := budget.chargeBundleDir(dir); err != nil {
			return nil, &PolicyError{File: dir, Err: err}
		}
		if err := rego.chargeDir(dir); err != nil {
			return nil, &PolicyError{File: dir, Err: err}
		}
		b, err := opaloader.NewFileLoader().
			WithProcessAnnotation(true).
			WithRegoVersion(version).
			WithSkipBundleVerification(true).
			AsBundle(dir)
		if err != nil {
			pe := &PolicyError{File: dir, Err: err}
			if version == ast.RegoV1 && v0Syntax(err) {
				pe.Hint = "written for Rego v0? --rego-version v0 reads it"
			}
			return nil, pe
		}
		// One archive has one syntax: the directories' manifests must
		// agree with each other and with the option.
		dirVersion := version
		if v := b.Manifest.RegoVersion; v != nil {
			dirVersion = ast.RegoV1
			if *v == 0 {
				dirVersion = ast.RegoV0
			}
		}
		if written == ast.RegoUndefined {
			written = dirVersion
		} else if dirVersion != written {
			return nil, &PolicyError{File: dir, Err: errors.New("its Rego version (rego_version in .manifest, or --rego-version) differs from the other directories': build them into separate bundles")}
		}
		for _, m := range b.Modules {
			rel := "/" + strings.TrimPrefix(filepath.ToSlash(m.RelativePath), "/")
			if slices.Contains(strings.Split(rel, "/"), "..") {
				return nil, &PolicyError{File: m.Path, Err: errors.New("path points outside the bundle")}
			}
			if other, dup := seen[rel]; dup {
				return nil, &PolicyError{File: m.Path, Err: fmt.Errorf("same bundle path %s as %s", rel, other)}
			}
			seen[rel] = m.Path
			out.Modules = append(out.Modules, bundle.ModuleFile{URL: rel, Path: rel, Raw: m.Raw, Parsed: m.Parsed})
		}
		if err := mergeData(out.Data, b.Data); err != nil {
			return nil, &PolicyError{File: dir, Err: err}
		}
		if b.Manifest.Roots == nil || len(*b.Manifest.Roots) == 0 {
			allRoots = false
		} else {
			roots = append(roots, *b.Manifest.Roots...)
		}
		if out.Manifest.Metadata == nil {
			out.Manifest.Metadata = b.Manifest.Metadata
		}
		if out.Manifest.Revision == "" {
			out.Manifest.Revision = b.Manifest.Revision
		}
	}
	sort.Slice(out.Modules, func(i, j int) bool { return out.Modules[i].Path < out.Modules[j].Path })
	if opts.Revision != "" {
		out.Manifest.Revision = opts.Revision
	}
	if allRoots {
		sort.Strings(roots)
		roots = slices.Compact(roots)
		out.Manifest.Roots = &roots
	}
	out.Manifest.SetRegoVersion(written)
	// The manifest must be valid as OPA will read it (overlapping roots,
	// data outside the roots).
	check := out
	check.Manifest = out.Manifest.Copy()
	if err := validateManifest(&check); err != nil {
		return nil, &PolicyError{Err: err}
	}
	if opts.SigningKey != "" {
		if err := sign(&out, opts); err != nil {
			return nil, &PolicyError{Err: fmt.Errorf("sign bundle: %w", err)}
		}
	}
	if err := bundle.NewWriter(w).DisableFormat(true).Write(out); err != nil {
		return nil, fmt.Errorf("write bundle: %w", err)
	}
	info := &BuildInfo{Revision: out.Manifest.Revision, Signed: opts.SigningKey != ""}
	if out.Manifest.Roots != nil {
		info.Roots = *out.Manifest.Roots
	}
	for _, m := range out.Modules {
		info.Files = append(info.Files, strings.TrimPrefix(m.Path, "/"))
	}
	info.Files = append(info.Files, "data.json")
	sort.Strings(info.Files)
	return info, nil
}

// validateManifest checks the manifest by reading the bundle back the way
// OPA does, without writing it anywhere.
func validateManifest(b *bundle.Bundle) error {
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(bundle.NewWriter(pw).DisableFormat(true).Write(*b))
	}()
	_, err := bundle.NewReader(pr).WithSkipBundleVerification(true).WithRegoVersion(ast.RegoV1).Read()
	// Drain the writer if the reader stopped early.
	_, _ = io.Copy(io.Discard, pr) // the error is the writer's, already seen by Read
	return err
}

// sign adds OPA's .signatures.json to the bundle. The scope, when given,
// joins the claims, which OPA reads only from a file.
func sign(b *bundle.Bundle, opts BuildOptions) error {
	alg := opts.SigningAlg
	if alg == "" {
		alg = "RS256"
	}
	keyID := opts.KeyID
	if keyID == "" {
		keyID = DefaultKeyID
	}
	claimsPath := opts.ClaimsFile
	if opts.Scope != "" {
		claims := map[string]any{}
		if claimsPath != "" {
			data, err := os.ReadFile(claimsPath)
			if err != nil {
				return err
			}
			if err := json.Unmarshal(data, &claims); err != nil {
				return fmt.Errorf("%s: %w", claimsPath, err)
			}
		}
		claims["scope"] = opts.Scope
		if _, ok := claims["keyid"]; !ok {
			claims["keyid"] = keyID
		}
		dir, err := os.MkdirTemp("", "tenet-claims")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		claimsPath = filepath.Join(dir, "claims.json")
		data, err := json.Marshal(claims)
		if err != nil {
			return err
		}
		if err := os.WriteFile(claimsPath, data, 0o600); err != nil {
			return err
		}
	}
	sc := bundle.NewSigningConfig(opts.SigningKey, alg, claimsPath)
	return b.GenerateSignature(sc, keyID, true)
}

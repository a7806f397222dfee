package catalog

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Source is one place policies come from.
type Source struct {
	// Path is a directory, a .tar.gz bundle or a .rego file; or, with FS
	// set, the name reported for an embedded bundle.
	Path string
	// FS, when set, holds the bundle at its root (the built-ins).
	FS fs.FS
	// Builtin marks tenet's own bundles, which must carry full METADATA.
	Builtin bool
	// Archive, when set, is the bundle archive (.tar.gz) itself, already
	// in memory (pulled from a registry): Path then only names it, and it
	// is checked and verified like an archive on disk.
	Archive []byte
	// Origin, when set, is reported as the bundle's source instead of
	// Path: for a pulled bundle, the reference and the digest pulled.
	Origin string
}

// Subdirectories returns one Source per directory at the root of fsys, each
// named prefix/<dir>: the layout of the embedded bundles/ tree.
func Subdirectories(prefix string, fsys fs.FS, builtin bool) ([]Source, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []Source
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sub, err := fs.Sub(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Source{Path: path.Join(prefix, e.Name()), FS: sub, Builtin: builtin})
	}
	return out, nil
}

func bundleName(src Source, b *bundle.Bundle) string {
	if b.Manifest.Metadata != nil {
		if n, ok := b.Manifest.Metadata["name"].(string); ok && n != "" {
			return n
		}
	}
	if src.Archive != nil {
		// A reference: the repository's last element, without the tag or
		// digest, which the source names.
		// For a URL, the file's name without .tar.gz.
		name := path.Base(src.Path)
		if i := strings.IndexAny(name, ":@"); i > 0 {
			name = name[:i]
		}
		return strings.TrimSuffix(name, ".tar.gz")
	}
	return strings.TrimSuffix(filepath.Base(src.Path), ".tar.gz")
}

func sourceLabel(src Source) string {
	switch {
	case src.FS != nil:
		return "builtin"
	case src.Origin != "":
		return src.Origin
	}
	return src.Path
}

// moduleName names a module for reports: the path given by the user for
// files on disk (the directory loader reports paths under it), the bundle
// name and path for embedded and archived bundles.
func moduleName(src Source, p string) string {
	p = filepath.ToSlash(p)
	if src.FS != nil {
		return path.Join(src.Path, strings.TrimPrefix(p, "/"))
	}
	if src.Archive != nil {
		// Path is a reference (oci://host/repo:tag), not a file path to
		// clean: "//" must stay.
		return src.Path + "/" + strings.TrimPrefix(p, "/")
	}
	if strings.HasSuffix(src.Path, ".rego") {
		return src.Path
	}
	base := filepath.ToSlash(filepath.Clean(src.Path))
	if p == base || strings.HasPrefix(p, base+"/") {
		return p
	}
	return path.Join(base, strings.TrimPrefix(p, "/"))
}

// EmbeddedBundles lists the bundles of the embedded sources (FS set) as
// Load reports them, from their manifests alone: for what prints the
// bundles' revisions without reading a policy (tenet version).
func EmbeddedBundles(sources []Source) ([]finding.Bundle, error) {
	var out []finding.Bundle
	for _, src := range sources {
		if src.FS == nil {
			continue
		}
		data, err := fs.ReadFile(src.FS, ".manifest")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Path, err)
		}
		var m bundle.Manifest
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s/.manifest: %w", src.Path, err)
		}
		out = append(out, finding.Bundle{Name: bundleName(src, &bundle.Bundle{Manifest: m}), Revision: m.Revision, Source: sourceLabel(src)})
	}
	return out, nil
}

// Package ocibundle moves policy bundles to and from OCI registries.
//
// It writes conftest's layout (conftest push): an OCI image manifest whose
// config is the empty "{}" of oras's unknown config type and whose layers
// are the bundle's files, one layer per file, named by the
// org.opencontainers.image.title annotation, with conftest's media types
// for Rego and data. It reads that layout and OPA's own (one
// application/vnd.oci.image.layer.v1.tar+gzip layer holding the bundle
// archive, what opa run's OCI downloader reads). Everything a registry
// sends is treated as hostile: sizes are checked against limits before
// anything is read, every blob is checked against its digest, and layer
// titles must be clean relative paths.
package ocibundle

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"oras.land/oras-go/v2/registry"
)

// The media types of the layouts.
const (
	// MediaTypePolicyLayer is conftest's layer type for a .rego file.
	MediaTypePolicyLayer = "application/vnd.cncf.openpolicyagent.policy.layer.v1+rego"
	// MediaTypeDataLayer is conftest's layer type for any other file
	// (conftest writes it for JSON and YAML data alike).
	MediaTypeDataLayer = "application/vnd.cncf.openpolicyagent.data.layer.v1+json"
	// MediaTypeConfig is the config type conftest writes (oras's
	// "unknown" config), holding "{}".
	MediaTypeConfig = "application/vnd.unknown.config.v1+json"
	// MediaTypeBundleLayer is the layer type of OPA's layout: the whole
	// bundle archive (.tar.gz) in one layer.
	MediaTypeBundleLayer = "application/vnd.oci.image.layer.v1.tar+gzip"
)

// Scheme prefixes a registry reference where a policy path is expected.
const Scheme = "oci://"

// Layout names how an artifact holds its bundle.
type Layout string

// The layouts Pull reads.
const (
	// LayoutConftest is one layer per file (conftest push, tenet bundle push).
	LayoutConftest Layout = "conftest"
	// LayoutOPA is one layer holding the bundle archive (OPA's downloader).
	LayoutOPA Layout = "opa"
)

// The default limits. A bundle is Rego text and some data: the built-in
// bundles are about 500 files and 1.5 MB. The limits match those of bundle
// archives (catalog.ArchiveLimits) where they mean the same thing; the
// manifest limit is oras's own default.
const (
	DefaultMaxManifestBytes = 4 << 20
	DefaultMaxLayerBytes    = 64 << 20
	DefaultMaxTotalBytes    = 256 << 20
	DefaultMaxLayers        = 10_000
	// DefaultTimeout bounds a push or a pull when the caller's context
	// has no deadline.
	DefaultTimeout = 2 * time.Minute
)

// Limits bound what Pull accepts; a zero field means its default.
type Limits struct {
	// MaxManifestBytes bounds the manifest.
	MaxManifestBytes int64
	// MaxLayerBytes bounds one layer, as the manifest declares it and as
	// it is read.
	MaxLayerBytes int64
	// MaxTotalBytes bounds all layers together.
	MaxTotalBytes int64
	// MaxLayers bounds the number of layers.
	MaxLayers int
}

func (l Limits) withDefaults() Limits {
	// One byte past the manifest's limit tells a manifest over it: the
	// largest int64 would have none (the same bound as catalog.MaxByteLimit,
	// which this package does not import).
	l.MaxManifestBytes = min(orDefault(l.MaxManifestBytes, DefaultMaxManifestBytes), 1<<62)
	l.MaxLayerBytes = orDefault(l.MaxLayerBytes, DefaultMaxLayerBytes)
	l.MaxTotalBytes = orDefault(l.MaxTotalBytes, DefaultMaxTotalBytes)
	l.MaxLayers = orDefault(l.MaxLayers, DefaultMaxLayers)
	return l
}

func orDefault[T int | int64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Options say how to reach a registry.
type Options struct {
	// PlainHTTP talks HTTP instead of HTTPS to any registry. Loopback
	// registries (localhost, 127.0.0.0/8, ::1) are always reached over
	// plain HTTP, as docker does.
	PlainHTTP bool
	// DockerConfig is the Docker config file holding the credentials
	// (its "auths", or the credential helpers it names); empty means
	// $DOCKER_CONFIG/config.json, else ~/.docker/config.json. A missing
	// file means anonymous access.
	DockerConfig string
	// Limits bound what Pull accepts.
	Limits Limits
	// UserAgent is sent with every request.
	UserAgent string
}

// File is one file of a bundle, by its slash-separated path in the bundle.
type File struct {
	Path string
	Data []byte
}

// Ref is a parsed registry reference.
type Ref struct {
	ref registry.Reference
}

// ParseRef reads host/repository[:tag][@digest], with or without the
// oci:// prefix. Without tag or digest the tag is "latest", as conftest
// and docker assume.
func ParseRef(s string) (Ref, error) {
	raw := strings.TrimPrefix(s, Scheme)
	// registry.ParseReference takes tag@digest and keeps only the digest,
	// as docker does; the tag is ignored, never checked.
	r, err := registry.ParseReference(raw)
	if err != nil {
		return Ref{}, fmt.Errorf("%q is not a registry reference (want host/repository[:tag][@sha256:...]): %w", s, errors.Unwrap(err))
	}
	if r.Reference == "" {
		r.Reference = "latest"
	}
	return Ref{ref: r}, nil
}

// String is the reference, host/repository:tag or host/repository@digest.
func (r Ref) String() string { return r.ref.String() }

// Host is the registry's host[:port].
func (r Ref) Host() string { return r.ref.Registry }

// Digest is the pinned digest, or "" for a tag.
func (r Ref) Digest() string {
	if _, err := r.ref.Digest(); err != nil {
		return ""
	}
	return r.ref.Reference
}

// Pinned is the reference to the manifest with this digest, in the same
// repository: host/repository@sha256:...
func (r Ref) Pinned(digest string) string {
	return r.ref.Registry + "/" + r.ref.Repository + "@" + digest
}

// checkTitle refuses a layer title that is not a clean relative path
// inside the bundle: it becomes a file name on pull.
func checkTitle(title string) error {
	switch {
	case title == "":
		return errors.New("has no title (org.opencontainers.image.title): its file name is unknown")
	case strings.HasPrefix(title, "/") || len(title) >= 2 && title[1] == ':':
		return fmt.Errorf("title %q is an absolute path", title)
	case strings.ContainsRune(title, '\\') || strings.ContainsRune(title, 0):
		return fmt.Errorf("title %q has a backslash or NUL in its path", title)
	case strings.Contains("/"+title+"/", "/../"):
		return fmt.Errorf("title %q points outside the bundle (\"..\" in its path)", title)
	case path.Clean(title) != title || title == ".":
		return fmt.Errorf("title %q is not a clean relative path", title)
	}
	return nil
}

package ocibundle

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/opencontainers/go-digest"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
	"golang.org/x/sync/errgroup"
	"oras.land/oras-go/v2/content"
)

// Artifact is a pulled policy bundle.
type Artifact struct {
	// Ref is the reference pulled, host/repository:tag or @digest.
	Ref string
	// Digest is the digest of the manifest pulled, sha256:...
	Digest string
	// Pinned is the reference to exactly this manifest,
	// host/repository@sha256:...
	Pinned string
	// Layout is how the artifact holds the bundle.
	Layout Layout
	// Files are the bundle's files, in layer order (LayoutConftest).
	Files []File
	// Archive is the bundle archive, .tar.gz (LayoutOPA).
	Archive []byte
}

// dockerManifest is the Docker v2 manifest type, which has the same
// fields as an OCI image manifest.
const dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"

// fetchers bounds the layers fetched at once.
const fetchers = 8

// Pull reads the artifact at ref: its manifest, checked against the digest
// of a pinned ref and against the limits, then its layers, each checked
// against its digest. An artifact that is not a policy bundle in conftest's
// or OPA's layout is refused before any layer is read.
func Pull(ctx context.Context, ref string, opts Options) (*Artifact, error) {
	r, err := ParseRef(ref)
	if err != nil {
		return nil, err
	}
	lim := opts.Limits.withDefaults()
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	repo, err := repository(r, opts)
	if err != nil {
		return nil, err
	}
	desc, rc, err := repo.FetchReference(ctx, r.ref.Reference)
	if err != nil {
		return nil, registryError(r, "pull", err)
	}
	defer rc.Close()
	if desc.Size > lim.MaxManifestBytes {
		return nil, fmt.Errorf("pull %s: the manifest is %d bytes, more than the limit (%d)", r, desc.Size, lim.MaxManifestBytes)
	}
	raw, err := io.ReadAll(io.LimitReader(rc, lim.MaxManifestBytes+1))
	if err != nil {
		return nil, registryError(r, "pull", err)
	}
	if int64(len(raw)) > lim.MaxManifestBytes {
		return nil, fmt.Errorf("pull %s: the manifest is more than %d bytes (the limit)", r, lim.MaxManifestBytes)
	}
	// The digest is computed here, not taken from the registry's header:
	// it is what a pinned ref promises and what the report records.
	got := digest.FromBytes(raw)
	if want := r.Digest(); want != "" && got.String() != want {
		return nil, fmt.Errorf("pull %s: digest mismatch: the registry sent a manifest with digest %s", r, got)
	}
	if desc.Digest != "" && desc.Digest != got {
		return nil, fmt.Errorf("pull %s: digest mismatch: the registry named the manifest %s but sent one with digest %s", r, desc.Digest, got)
	}
	m, err := decodeManifest(desc.MediaType, raw)
	if err != nil {
		return nil, fmt.Errorf("pull %s: %w", r, err)
	}
	layout, err := classify(m.Layers, lim)
	if err != nil {
		return nil, fmt.Errorf("pull %s: %w", r, err)
	}
	a := &Artifact{Ref: r.String(), Digest: got.String(), Pinned: r.Pinned(got.String()), Layout: layout}
	blobs := make([][]byte, len(m.Layers))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(fetchers)
	for i, l := range m.Layers {
		g.Go(func() error {
			rc, err := repo.Fetch(gctx, l)
			if err != nil {
				return registryError(r, "pull", err)
			}
			defer rc.Close()
			// ReadAll reads exactly the declared size (within the
			// limit) and checks the digest.
			data, err := content.ReadAll(rc, l)
			if err != nil {
				return fmt.Errorf("pull %s: layer %s: %w", r, layerName(l), err)
			}
			blobs[i] = data
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if layout == LayoutOPA {
		a.Archive = blobs[0]
		return a, nil
	}
	for i, l := range m.Layers {
		a.Files = append(a.Files, File{Path: l.Annotations[ocispec.AnnotationTitle], Data: blobs[i]})
	}
	return a, nil
}

// decodeManifest reads an image manifest, refusing indexes and other
// manifest types.
func decodeManifest(mediaType string, raw []byte) (*ocispec.Manifest, error) {
	var m ocispec.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%w: the manifest is not valid JSON: %v", errNotBundle, err)
	}
	if mediaType == "" {
		mediaType = m.MediaType
	}
	switch mediaType {
	case ocispec.MediaTypeImageManifest, dockerManifest:
	case ocispec.MediaTypeImageIndex, "application/vnd.docker.distribution.manifest.list.v2+json":
		return nil, fmt.Errorf("%w: it is an image index (%s), not the manifest of a bundle", errNotBundle, mediaType)
	default:
		return nil, fmt.Errorf("%w: its manifest has media type %q (want %s)", errNotBundle, mediaType, ocispec.MediaTypeImageManifest)
	}
	if m.SchemaVersion != 2 {
		return nil, fmt.Errorf("%w: manifest schema version %d (want 2)", errNotBundle, m.SchemaVersion)
	}
	return &m, nil
}

// classify tells the layout from the layers' media types and checks every
// declared size and title against the limits, before any layer is read.
func classify(layers []ocispec.Descriptor, lim Limits) (Layout, error) {
	if len(layers) == 0 {
		return "", fmt.Errorf("%w: the manifest has no layers", errNotBundle)
	}
	if len(layers) > lim.MaxLayers {
		return "", fmt.Errorf("the manifest has %d layers, more than the limit (%d)", len(layers), lim.MaxLayers)
	}
	var total int64
	for _, l := range layers {
		if l.Size < 0 || l.Size > lim.MaxLayerBytes {
			return "", fmt.Errorf("layer %s is %d bytes, more than the limit for one layer (%d)", layerName(l), l.Size, lim.MaxLayerBytes)
		}
		if total += l.Size; total > lim.MaxTotalBytes {
			return "", fmt.Errorf("the layers are more than %d bytes together (the limit)", lim.MaxTotalBytes)
		}
	}
	if layers[0].MediaType == MediaTypeBundleLayer {
		if len(layers) != 1 {
			return "", fmt.Errorf("%w: an OPA bundle artifact has one %s layer, this one has %d layers", errNotBundle, MediaTypeBundleLayer, len(layers))
		}
		return LayoutOPA, nil
	}
	seen := make(map[string]bool, len(layers))
	for _, l := range layers {
		if l.MediaType != MediaTypePolicyLayer && l.MediaType != MediaTypeDataLayer {
			return "", fmt.Errorf("%w: layer %s has media type %q (want conftest's %s or %s layers, or one OPA bundle layer %s)",
				errNotBundle, layerName(l), l.MediaType, MediaTypePolicyLayer, MediaTypeDataLayer, MediaTypeBundleLayer)
		}
		title := l.Annotations[ocispec.AnnotationTitle]
		if err := checkTitle(title); err != nil {
			return "", fmt.Errorf("layer %s %w", l.Digest, err)
		}
		if seen[title] {
			return "", fmt.Errorf("two layers are titled %q", title)
		}
		seen[title] = true
	}
	return LayoutConftest, nil
}

// layerName names a layer in errors: its title, else its digest.
func layerName(l ocispec.Descriptor) string {
	if t := l.Annotations[ocispec.AnnotationTitle]; t != "" {
		return fmt.Sprintf("%q", t)
	}
	return l.Digest.String()
}

package ocibundle

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/opencontainers/image-spec/specs-go"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
	"oras.land/oras-go/v2/content"
)

// Pushed describes a pushed artifact.
type Pushed struct {
	// Ref is the reference pushed to (host/repository:tag).
	Ref string
	// Digest is the manifest's digest, sha256:...
	Digest string
	// Pinned is the reference to exactly this manifest,
	// host/repository@sha256:...
	Pinned string
	// Layers is the number of layers, one per file.
	Layers int
}

// Push writes files to the registry in conftest's layout, one layer per
// file in path order, and tags the manifest with ref's tag. The same files
// always make the same manifest, so pushing again changes no digest.
func Push(ctx context.Context, ref string, files []File, opts Options) (*Pushed, error) {
	r, err := ParseRef(ref)
	if err != nil {
		return nil, err
	}
	if r.Digest() != "" {
		return nil, fmt.Errorf("push %s: push to a tag, not a digest: the digest is the content's", ref)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("push %s: no file to push", r)
	}
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i, f := range files {
		if err := checkTitle(f.Path); err != nil {
			return nil, fmt.Errorf("push %s: file %w", r, err)
		}
		if i > 0 && files[i-1].Path == f.Path {
			return nil, fmt.Errorf("push %s: file %q given twice", r, f.Path)
		}
	}
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	repo, err := repository(r, opts)
	if err != nil {
		return nil, err
	}
	push := func(desc ocispec.Descriptor, data []byte) error {
		// A blob the registry has already (the config, an unchanged file)
		// is not sent again.
		if ok, err := repo.Exists(ctx, desc); err == nil && ok {
			return nil
		}
		return repo.Push(ctx, desc, bytes.NewReader(data))
	}
	layers := make([]ocispec.Descriptor, 0, len(files))
	for _, f := range files {
		mt := MediaTypeDataLayer
		if strings.HasSuffix(f.Path, ".rego") {
			mt = MediaTypePolicyLayer
		}
		desc := content.NewDescriptorFromBytes(mt, f.Data)
		desc.Annotations = map[string]string{ocispec.AnnotationTitle: f.Path}
		if err := push(desc, f.Data); err != nil {
			return nil, registryError(r, "push", err)
		}
		layers = append(layers, desc)
	}
	config := []byte("{}")
	configDesc := content.NewDescriptorFromBytes(MediaTypeConfig, config)
	if err := push(configDesc, config); err != nil {
		return nil, registryError(r, "push", err)
	}
	manifest, err := json.Marshal(ocispec.Manifest{
		Versioned: specs.Versioned{SchemaVersion: 2},
		MediaType: ocispec.MediaTypeImageManifest,
		Config:    configDesc,
		Layers:    layers,
	})
	if err != nil {
		return nil, err
	}
	manifestDesc := content.NewDescriptorFromBytes(ocispec.MediaTypeImageManifest, manifest)
	if err := repo.PushReference(ctx, manifestDesc, bytes.NewReader(manifest), r.ref.Reference); err != nil {
		return nil, registryError(r, "push", err)
	}
	return &Pushed{Ref: r.String(), Digest: manifestDesc.Digest.String(), Pinned: r.Pinned(manifestDesc.Digest.String()), Layers: len(layers)}, nil
}

// withDefaultTimeout bounds ctx by DefaultTimeout unless it has a deadline.
func withDefaultTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, DefaultTimeout)
}

var errNotBundle = errors.New("not a policy bundle")

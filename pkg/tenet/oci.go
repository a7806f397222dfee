package tenet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/ocibundle"
)

// RegistryOptions say how to reach OCI registries, for WithPolicy sources
// named oci://REF and for PushBundle and PullBundle.
type RegistryOptions struct {
	// PlainHTTP talks HTTP instead of HTTPS to every registry; loopback
	// registries (localhost, 127.0.0.0/8, ::1) always get plain HTTP.
	PlainHTTP bool
	// DockerConfig is the Docker config file with the credentials;
	// empty means $DOCKER_CONFIG/config.json, else ~/.docker/config.json.
	DockerConfig string
	// Limits bound what a pull accepts; zero fields mean the defaults.
	Limits ocibundle.Limits
	// UserAgent is sent to the registry; empty means tenet, with the
	// WithVersion version for policy sources.
	UserAgent string
}

func (o RegistryOptions) oci(version string) ocibundle.Options {
	ua := o.UserAgent
	if ua == "" {
		ua = strings.TrimSuffix("tenet/"+version, "/")
	}
	return ocibundle.Options{PlainHTTP: o.PlainHTTP, DockerConfig: o.DockerConfig, Limits: o.Limits, UserAgent: ua}
}

// WithRegistry sets how policy sources named oci://REF are pulled.
func WithRegistry(o RegistryOptions) Option { return func(c *config) { c.registry = o } }

// IsRegistryRef tells whether a policy source names a registry artifact:
// only the explicit oci:// prefix does, never a bare host/repo:tag.
func IsRegistryRef(source string) bool { return strings.HasPrefix(source, ocibundle.Scheme) }

// registrySource pulls a policy bundle into memory: it loads like an
// archive on disk (the same limits, the same signature check), and the
// report names the reference and the digest pulled. The run's timeout, when
// set, bounds the pull; else ocibundle's default does.
func registrySource(ctx context.Context, ref string, cfg config) (catalog.Source, error) {
	if cfg.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.timeout)
		defer cancel()
	}
	a, err := ocibundle.Pull(ctx, ref, cfg.registry.oci(cfg.version))
	if err != nil {
		return catalog.Source{}, &catalog.PolicyError{Err: err}
	}
	tgz, err := a.Tarball()
	if err != nil {
		return catalog.Source{}, &catalog.PolicyError{File: ref, Err: err}
	}
	origin := ocibundle.Scheme + a.Ref
	if !strings.Contains(a.Ref, "@") {
		origin += "@" + a.Digest
	}
	return catalog.Source{Path: ocibundle.Scheme + a.Ref, Archive: tgz, Origin: origin}, nil
}

// PushBundle pushes policies to ref (host/repository[:tag], oci:// or not)
// in conftest's layout: sources are policy directories, which are built
// into one bundle as BuildBundle builds them, or a single bundle archive
// (.tar.gz), pushed file by file as it is, signature included.
func PushBundle(ctx context.Context, ref string, sources []string, opts RegistryOptions) (*ocibundle.Pushed, error) {
	files, err := bundleFiles(ctx, sources)
	if err != nil {
		return nil, err
	}
	return ocibundle.Push(ctx, ref, files, opts.oci(""))
}

// bundleFiles reads the files to push.
func bundleFiles(ctx context.Context, sources []string) ([]ocibundle.File, error) {
	var archives, dirs []string
	for _, s := range sources {
		info, err := os.Stat(s)
		if err != nil {
			return nil, err
		}
		if info.IsDir() {
			dirs = append(dirs, s)
		} else {
			archives = append(archives, s)
		}
	}
	var data []byte
	switch {
	case len(archives) == 0:
		var buf strings.Builder
		if _, err := catalog.Build(ctx, &buf, dirs, catalog.BuildOptions{}); err != nil {
			return nil, err
		}
		data = []byte(buf.String())
	case len(archives) == 1 && len(dirs) == 0:
		f, err := os.Open(archives[0])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if data, err = io.ReadAll(io.LimitReader(f, catalog.DefaultMaxArchiveBytes+1)); err != nil {
			return nil, err
		}
	default:
		return nil, errors.New("push one bundle archive, or policy directories: not several archives, nor archives and directories together")
	}
	files, err := catalog.ArchiveFiles(data, catalog.ArchiveLimits{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", strings.Join(sources, ", "), err)
	}
	out := make([]ocibundle.File, len(files))
	for i, f := range files {
		out[i] = ocibundle.File(f)
	}
	return out, nil
}

// Pulled describes a bundle that PullBundle wrote.
type Pulled struct {
	// Ref, Digest and Pinned are the reference pulled, the digest of its
	// manifest, and the reference to exactly that manifest.
	Ref, Digest, Pinned string
	// Layout is "conftest" (a layer per file) or "opa" (one archive layer).
	Layout string
	// Files are the paths written, relative to the directory.
	Files []string
}

// PullBundle writes the policies and data of the artifact at ref to dir,
// which must not exist or be empty, so that no file of an earlier pull
// lingers among them. Files are written through an os.Root: nothing lands
// outside dir, even through a symbolic link planted in it.
func PullBundle(ctx context.Context, ref, dir string, opts RegistryOptions) (*Pulled, error) {
	a, err := ocibundle.Pull(ctx, ref, opts.oci(""))
	if err != nil {
		return nil, err
	}
	files := make([]catalog.File, len(a.Files))
	for i, f := range a.Files {
		files[i] = catalog.File(f)
	}
	if a.Layout == ocibundle.LayoutOPA {
		if files, err = catalog.ArchiveFiles(a.Archive, catalog.ArchiveLimits{}); err != nil {
			return nil, fmt.Errorf("pull %s: the bundle layer: %w", a.Ref, err)
		}
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: pull into a new or empty directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	p := &Pulled{Ref: a.Ref, Digest: a.Digest, Pinned: a.Pinned, Layout: string(a.Layout)}
	for _, f := range files {
		if d := path.Dir(f.Path); d != "." {
			if err := root.MkdirAll(d, 0o755); err != nil {
				return nil, fmt.Errorf("write %s: %w", f.Path, err)
			}
		}
		if err := root.WriteFile(f.Path, f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
		p.Files = append(p.Files, f.Path)
	}
	return p, nil
}

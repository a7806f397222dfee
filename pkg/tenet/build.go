package tenet

import (
	"context"
	"io"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// BuildOptions says how BuildBundle writes and signs a bundle; see
// catalog.BuildOptions.
type BuildOptions = catalog.BuildOptions

// BuildInfo describes a bundle that BuildBundle wrote.
type BuildInfo = catalog.BuildInfo

// BuildBundle writes the policies and data of dirs to w as one OPA bundle
// archive (.tar.gz with a .manifest), signed when opts.SigningKey is set.
// The archive loads in tenet with WithPolicy and in OPA as a bundle; its
// signature verifies with WithVerificationKey and with
// opa run --verification-key. Errors are *catalog.PolicyError.
func BuildBundle(ctx context.Context, w io.Writer, dirs []string, opts BuildOptions) (*BuildInfo, error) {
	return catalog.Build(ctx, w, dirs, opts)
}

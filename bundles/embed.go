// Package bundles embeds tenet's built-in policy bundles, one directory
// each, so that the binary needs no policy files on disk.
package bundles

import "embed"

// FS holds every built-in bundle at its directory name (aws, kubernetes,
// frameworks, ...), manifests included: every directory here is a bundle.
//
//go:embed all:*
var FS embed.FS

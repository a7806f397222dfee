// Package bundles embeds tenet's built-in policy bundles, one directory
// each, so that the binary needs no policy files on disk.
package bundles

import "embed"

// FS holds every built-in bundle at its directory name (aws, kubernetes,
// frameworks), manifests included.
//
//go:embed all:aws all:kubernetes all:frameworks
var FS embed.FS

// Package rego embeds tenet's shared Rego library (package tenet.lib.*),
// a bundle of its own that every built-in rule imports.
package rego

import "embed"

// FS holds the library bundle: its .manifest and the lib directory.
//
//go:embed .manifest all:lib
var FS embed.FS

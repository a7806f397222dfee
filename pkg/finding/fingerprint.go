package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"path/filepath"
	"strings"
)

// FingerprintVersion is the version of the Fingerprint algorithm, written
// in every Result as FingerprintVersion. Version 1 (reports without the
// field) hashed the rule, the input path as given, the resource and the
// attribute; version 2 adds the document and the message, and takes the
// path in its canonical form.
const FingerprintVersion = 2

// Fingerprint computes the identity of a finding across runs: 32 hex
// characters from its rule, input path, resource, attribute, document and
// message, and from nothing else (not its line, kind, severity or waiver),
// so that it stays the same from run to run while the finding does, and
// differs between any two findings that differ in one of those.
//
// path is the input's path in a form that does not depend on how it was
// spelled on the command line; tenet uses it relative to the root of the
// scan's repository (see package tenet). It is cleaned here, so "./x" and
// "x" are the same path.
//
// The message is part of the identity because it is what tells apart two
// findings of one rule on one resource (two host ports of one container)
// or, for conftest-style rules, on one file. A message that changes from
// run to run (a timestamp, a random name) makes a new finding every run;
// rewording a message makes its findings new once.
func Fingerprint(f Finding, path string) string {
	fields := []string{f.RuleID, CleanPath(path), f.Resource, f.Attribute, f.Document, f.Message}
	h := sha256.Sum256([]byte(strings.Join(fields, "\x00")))
	return hex.EncodeToString(h[:16])
}

// CleanPath is p with forward slashes, cleaned, and without a leading
// "./": "./envs//prod/plan.json" and "envs/prod/plan.json" are the same.
func CleanPath(p string) string {
	if p == "" {
		return ""
	}
	return path.Clean(filepath.ToSlash(p))
}

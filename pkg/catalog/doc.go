// Package catalog loads policy bundles (the built-ins embedded in the
// binary, directories, .tar.gz bundle archives and single .rego files),
// checks their manifests and METADATA, and exposes the rule catalog, the
// parsed modules the engine compiles, the data documents and the framework
// catalogs.
//
// A built-in rule must carry complete METADATA: a missing id, title,
// severity, selector, controls or remediation is an error naming the file.
// Policies given by the user may omit METADATA; their deny, warn and
// violation rules then run as conftest runs them (see Rule.Custom).
//
// The control mapping of every rule, built-in or not, must name frameworks
// that have a catalog among the loaded bundles (the *.json files at the
// root of an embedded bundle, such as bundles/frameworks) and controls
// that catalog lists; anything else is a PolicyError naming the rule, its
// file and the key or id, so that a typo cannot change the compliance
// numbers unnoticed.
package catalog

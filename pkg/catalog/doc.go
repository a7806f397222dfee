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
package catalog

// Package diff compares two scans: which findings are new, which were
// resolved and which are unchanged, matched by finding.Fingerprint, and
// which controls changed status. It serves `tenet diff`, `tenet test
// --baseline` and the alerts of `tenet watch`.
//
// A fingerprint depends on the rule, the input's path, the resource and
// the attribute, so two reports compare well only when their inputs were
// given by the same paths.
package diff

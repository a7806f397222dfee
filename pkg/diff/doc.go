// Package diff compares two scans: which findings are new, which were
// resolved and which are unchanged, matched by finding.Fingerprint, and
// which controls changed status. It serves `tenet diff`, `tenet test
// --baseline` and the alerts of `tenet watch`.
//
// A fingerprint depends on the rule, the input's path in its repository,
// the resource, the attribute, the document and the message (see
// finding.Fingerprint), so two reports compare well however their inputs'
// paths were spelled.
package diff

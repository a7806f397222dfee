// Package waiver reads waiver files and Kubernetes waiver annotations and
// applies them to findings: a finding covered by a waiver in force is
// reported as waived, expired waivers stop applying, and waivers that
// match nothing are reported as stale.
package waiver

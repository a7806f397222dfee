// Package waiver reads waiver files and Kubernetes waiver annotations and
// applies them to findings: a finding covered by a waiver in force is
// reported as waived, expired waivers stop applying, and waivers that
// match nothing are reported as stale. Broad tells the waivers that excuse
// more than one exception (every rule, several rule families, or a family
// on every resource), which a scan applies only with an explicit opt-in.
package waiver

// Package report aggregates rule results per framework and control, and
// renders a finding.Result in each output format. Every format is one file
// behind the one-method Reporter interface; output is deterministic, so that
// the same scan gives the same bytes.
package report

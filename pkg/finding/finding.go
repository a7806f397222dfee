package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
)

// Kind is what a rule said about a resource.
type Kind string

// The kinds of findings.
const (
	// KindDeny is a failure.
	KindDeny Kind = "deny"
	// KindWarn is advisory: it fails a run only with --fail-on-warn.
	KindWarn Kind = "warn"
	// KindUnknown means the deciding value is known only after apply.
	KindUnknown Kind = "unknown"
)

// Finding is one result of one rule on one resource (or on a whole input).
type Finding struct {
	RuleID   string   `json:"rule_id"`
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity,omitempty"`
	Message  string   `json:"message"`
	// Resource is the address of the resource the finding is about; empty
	// when a rule reports on the input as a whole.
	Resource string `json:"resource,omitempty"`
	// Attribute is the dotted attribute path that decided, if the rule says.
	Attribute string `json:"attribute,omitempty"`
	// File and Line locate the resource; Line is 0 when unknown.
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	// Fingerprint identifies the finding across runs: it depends on the
	// rule, the file, the resource and the attribute, not on the message.
	Fingerprint string `json:"fingerprint"`
	// Waiver is the waiver that covers the finding, if any: a waived
	// finding does not fail the run but stays in every report.
	Waiver *Waiver `json:"waiver,omitempty"`
	// Baseline is BaselineNew or BaselineExisting when the scan was
	// compared with a baseline report, and empty otherwise.
	Baseline string `json:"baseline,omitempty"`
}

// Place names where the finding is, as reports print it:
// "aws_s3_bucket.b (plan.json)", "ns/Pod/x (pod.yaml:12)", or the file
// (and line) alone for a finding about a whole input.
func (f Finding) Place() string {
	loc := f.File
	if f.Line > 0 {
		loc = f.File + ":" + strconv.Itoa(f.Line)
	}
	if f.Resource == "" {
		return loc
	}
	return f.Resource + " (" + loc + ")"
}

// Waived tells whether a waiver covers the finding.
func (f Finding) Waived() bool { return f.Waiver != nil }

// Fingerprint computes the stable identity of a finding: a hex string of
// 32 characters, the same from run to run while the rule, file, resource
// and attribute stay the same.
func Fingerprint(f Finding) string {
	h := sha256.Sum256([]byte(strings.Join([]string{f.RuleID, filepath.ToSlash(f.File), f.Resource, f.Attribute}, "\x00")))
	return hex.EncodeToString(h[:16])
}

// Less orders findings by file, resource, rule and message, the order every
// report uses so that output is the same from run to run.
func Less(a, b Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Resource != b.Resource {
		return a.Resource < b.Resource
	}
	if a.RuleID != b.RuleID {
		return a.RuleID < b.RuleID
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Attribute != b.Attribute {
		return a.Attribute < b.Attribute
	}
	return a.Message < b.Message
}

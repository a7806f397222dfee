package finding

import (
	"cmp"
	"slices"
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
	// Document tells which document of the input a conftest-style rule
	// (which sees one document at a time) reported on: the address of the
	// Kubernetes object the document is ("Deployment/app"), else "#N" for
	// the Nth document (from 1) of a file of several; empty otherwise.
	Document string `json:"document,omitempty"`
	// Metadata keeps, for a rule from outside the built-ins that returns
	// objects, every key of the object other than msg, resource and
	// attribute ({"msg": ..., "details": {...}}), as conftest keeps them.
	Metadata map[string]any `json:"metadata,omitempty"`
	// File and Line locate the resource; Line is 0 when unknown.
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	// Fingerprint identifies the finding across runs (see Fingerprint).
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

// Less orders findings by file, resource, rule and message, the order every
// report uses so that output is the same from run to run.
func Less(a, b Finding) bool { return Compare(&a, &b) < 0 }

// Sort sorts findings by Compare, keeping equal ones in their order. It
// sorts their positions and then moves each finding once: a Finding is
// large, and a stable sort of tens of thousands of them in place (a large
// plan's scan sorts them at the end, one core working) spent most of its
// time moving them.
//
// Findings already in order, as a scan's often are when sorted again
// (each document's are sorted by the engine), are left as they are after
// one pass; the others move along the cycles of the order, each once,
// not into a copy of the whole list and back.
func Sort(findings []Finding) {
	if sorted(findings) {
		return
	}
	order := make([]int, len(findings))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if c := Compare(&findings[i], &findings[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	// findings[k] is to hold what is at order[k] now: follow each cycle
	// from its first place, marking the places filled with -1.
	for start := range order {
		if order[start] < 0 {
			continue
		}
		held := findings[start]
		k := start
		for order[k] != start {
			findings[k] = findings[order[k]]
			next := order[k]
			order[k] = -1
			k = next
		}
		findings[k] = held
		order[k] = -1
	}
}

// sorted tells whether findings are in Compare's order.
func sorted(findings []Finding) bool {
	for i := 1; i < len(findings); i++ {
		if Compare(&findings[i-1], &findings[i]) > 0 {
			return false
		}
	}
	return true
}

// Compare is Less as a three-way comparison of two findings in place (a
// scan sorts tens of thousands, and a Finding is a large value to copy for
// every comparison): negative when a comes first, positive when b does.
func Compare(a, b *Finding) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	if c := strings.Compare(a.Resource, b.Resource); c != 0 {
		return c
	}
	if c := strings.Compare(a.RuleID, b.RuleID); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Attribute, b.Attribute); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

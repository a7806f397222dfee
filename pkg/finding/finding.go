package finding

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

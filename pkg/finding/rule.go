package finding

import "fmt"

// Severity ranks how much a failing rule matters.
type Severity string

// The severities, lowest first. Custom conftest-style rules have none ("").
const (
	SeverityLow      Severity = "low"
	SeverityMedium   Severity = "medium"
	SeverityHigh     Severity = "high"
	SeverityCritical Severity = "critical"
)

// Rank orders severities: 0 for none, 1 for low up to 4 for critical.
func (s Severity) Rank() int {
	switch s {
	case SeverityLow:
		return 1
	case SeverityMedium:
		return 2
	case SeverityHigh:
		return 3
	case SeverityCritical:
		return 4
	}
	return 0
}

// ParseSeverity checks a severity name.
func ParseSeverity(s string) (Severity, error) {
	sev := Severity(s)
	if sev.Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q (want low, medium, high or critical)", s)
	}
	return sev, nil
}

// Selector says which inputs a rule judges: a target ("terraform",
// "kubernetes", ...) and the resource types (Kubernetes kinds) whose
// resources count as checked when they do not fail.
type Selector struct {
	Type          string   `json:"type"`
	ResourceTypes []string `json:"resource_types,omitempty"`
}

// Rule is one policy rule as the catalog knows it, from its METADATA.
type Rule struct {
	// ID is the stable identifier (custom.id), e.g. "TNT-AWS-S3-001". For a
	// conftest-style rule without METADATA it is "<package>.<rule>".
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Severity    Severity `json:"severity,omitempty"`
	// Package is the Rego package path without "data.", e.g. "tenet.aws.s3.encryption".
	Package string `json:"package"`
	// Selectors is empty when the rule runs on every input.
	Selectors []Selector `json:"selectors,omitempty"`
	// Controls maps a framework key ("nist-800-53-r5") to control ids.
	Controls    map[string][]string `json:"controls,omitempty"`
	Remediation string              `json:"remediation,omitempty"`
	// References are the related_resources URLs.
	References []string `json:"references,omitempty"`
	// Bundle is the name of the bundle that carries the rule.
	Bundle string `json:"bundle"`
	// File is the Rego file that defines the rule.
	File string `json:"file"`
	// Custom is true for conftest-style rules: no METADATA, evaluated
	// against the raw file like conftest does.
	Custom bool `json:"custom,omitempty"`
	// Requires names the parameters (data.tenet.params, set with --data)
	// without which the rule checks nothing (custom.requires).
	Requires []string `json:"requires,omitempty"`
	// Off says why the rule checks nothing in this run: a parameter it
	// requires is unset or empty. Its resources are then not counted as
	// checked, so it is not applicable rather than passing.
	Off string `json:"off,omitempty"`
}

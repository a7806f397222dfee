package finding

// ResultSchema is the value of Result.Schema. docs/output.md documents the
// JSON form; a field is never removed or renamed within one version.
const ResultSchema = "tenet.report/v1"

// Status is the outcome of a rule or of a control.
type Status string

// The statuses, in the order a control takes the worst of its rules.
const (
	StatusFail          Status = "fail"
	StatusWarn          Status = "warn"
	StatusUnknown       Status = "unknown"
	StatusPass          Status = "pass"
	StatusNotApplicable Status = "not_applicable"
)

// Worse tells whether s outranks t (fail is the worst, not_applicable the least).
func (s Status) Worse(t Status) bool { return s.rank() < t.rank() }

func (s Status) rank() int {
	switch s {
	case StatusFail:
		return 0
	case StatusWarn:
		return 1
	case StatusUnknown:
		return 2
	case StatusPass:
		return 3
	}
	return 4
}

// Result is everything one scan found: the report model that every output
// format renders.
type Result struct {
	Schema  string   `json:"schema"`
	Tool    Tool     `json:"tool"`
	Bundles []Bundle `json:"bundles"`
	Inputs  []Input  `json:"inputs"`
	// Errors lists the inputs that could not be loaded or evaluated.
	Errors     []InputError `json:"errors"`
	Rules      []RuleResult `json:"rules"`
	Frameworks []Framework  `json:"frameworks"`
	Findings   []Finding    `json:"findings"`
	Summary    Summary      `json:"summary"`
}

// Tool names the program that produced a Result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Bundle is a policy bundle that took part in a scan, so that evidence says
// which policy version judged it.
type Bundle struct {
	Name     string `json:"name"`
	Revision string `json:"revision,omitempty"`
	// Source is "builtin" or the path it was loaded from.
	Source string `json:"source"`
}

// Input is one loaded input file.
type Input struct {
	Path      string `json:"path"`
	Format    string `json:"format"`
	Resources int    `json:"resources"`
}

// InputError is an input that could not be loaded or evaluated.
type InputError struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// RuleResult is what one rule found over all inputs.
type RuleResult struct {
	Rule   Rule   `json:"rule"`
	Status Status `json:"status"`
	// Checked counts the resources of the rule's selector types (or, for a
	// rule without resource types, the documents) it was evaluated on.
	Checked int `json:"checked"`
	// Failed, Warned and Unknown count distinct resources with such findings.
	Failed  int `json:"failed"`
	Warned  int `json:"warned"`
	Unknown int `json:"unknown"`
	// Passed is Checked minus the checked resources with any finding.
	Passed int `json:"passed"`
}

// Framework is the view of one framework: each control that a loaded rule
// maps to, with its status.
type Framework struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Controls []Control      `json:"controls"`
	Counts   map[Status]int `json:"counts"`
}

// Control is one control of a framework with the rules that map to it.
type Control struct {
	ID     string   `json:"id"`
	Title  string   `json:"title,omitempty"`
	Status Status   `json:"status"`
	Rules  []string `json:"rules"`
	// Checked and Failed sum the rules' counts.
	Checked int `json:"checked"`
	Failed  int `json:"failed"`
}

// Summary holds the counts a CI gate looks at.
type Summary struct {
	Inputs    int `json:"inputs"`
	Resources int `json:"resources"`
	Rules     int `json:"rules"`
	Errors    int `json:"errors"`
	Deny      int `json:"deny"`
	Warn      int `json:"warn"`
	Unknown   int `json:"unknown"`
	// Failed says whether the run fails the gate under the chosen options
	// (--fail-on-warn, --unknown); the CLI exits 1 when it is true.
	Failed bool `json:"failed"`
}

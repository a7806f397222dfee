package finding

// ResultSchema is the value of Result.Schema. docs/output.md documents the
// JSON form; a field is never removed or renamed within one version.
const ResultSchema = "tenet.report/v1"

// Status is the outcome of a rule or of a control.
type Status string

// The statuses, in the order a control takes the worst of its rules.
const (
	StatusFail    Status = "fail"
	StatusWarn    Status = "warn"
	StatusUnknown Status = "unknown"
	// StatusWaived: every finding that would fail is covered by a waiver.
	StatusWaived Status = "waived"
	StatusPass   Status = "pass"
	// StatusNotApplicable: no resource of the rules' types in the inputs.
	StatusNotApplicable Status = "not_applicable"
	// StatusNotCovered: no loaded rule maps to the control, so it needs
	// manual evidence.
	StatusNotCovered Status = "not_covered"
)

// Statuses lists every status, worst first.
var Statuses = []Status{StatusFail, StatusWarn, StatusUnknown, StatusWaived, StatusPass, StatusNotApplicable, StatusNotCovered}

// Worse tells whether s outranks t (fail is the worst, not_covered the least).
func (s Status) Worse(t Status) bool { return s.rank() < t.rank() }

func (s Status) rank() int {
	for i, st := range Statuses {
		if s == st {
			return i
		}
	}
	return len(Statuses)
}

// Result is everything one scan found: the report model that every output
// format renders.
type Result struct {
	Schema string `json:"schema"`
	Tool   Tool   `json:"tool"`
	// FingerprintVersion is the FingerprintVersion of the findings'
	// fingerprints; 0 in reports written before there were versions.
	FingerprintVersion int      `json:"fingerprint_version,omitempty"`
	Bundles            []Bundle `json:"bundles"`
	Inputs             []Input  `json:"inputs"`
	// Errors lists the inputs that could not be loaded or evaluated.
	Errors     []InputError `json:"errors"`
	Rules      []RuleResult `json:"rules"`
	Frameworks []Framework  `json:"frameworks"`
	Findings   []Finding    `json:"findings"`
	// Waivers lists the waivers given to the scan and what became of each
	// (absent when there were none: no waiver file and no annotation).
	Waivers []WaiverUse `json:"waivers,omitempty"`
	// Baseline compares the findings with a baseline report (absent when
	// no baseline was given).
	Baseline *Baseline `json:"baseline,omitempty"`
	Summary  Summary   `json:"summary"`
	// Shard is set in the report of one shard of a run (tenet test
	// --shard): what tenet merge needs to make the report of the whole run.
	Shard *Shard `json:"shard,omitempty"`
}

// Shard describes the report of one shard of a run (see docs/scale.md).
type Shard struct {
	// Index (from 0) and Count say which shard of how many this is.
	Index int `json:"index"`
	Count int `json:"count"`
	// Inputs counts the inputs of the whole run (with the paths that could
	// not be walked), before they were shared out, and Digest digests
	// their paths in order: shards of one run agree on both.
	Inputs int    `json:"inputs"`
	Digest string `json:"digest"`
	// Gate holds the options that decide Summary.Failed, which a merge
	// decides again over all the findings.
	Gate Gate `json:"gate"`
	// Brief marks a report written by the json format's brief form, which
	// leaves out what a merge needs.
	Brief bool `json:"brief,omitempty"`
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

// InputStatus says whether any rule checked an input.
type InputStatus string

// The input statuses.
const (
	// InputEvaluated: at least one loaded rule checked the input.
	InputEvaluated InputStatus = "evaluated"
	// InputNotEvaluated: the input was read, but no loaded rule applies to
	// its format or to any of its resources, so nothing was checked: it
	// must not read as a pass.
	InputNotEvaluated InputStatus = "not_evaluated"
)

// Input is one loaded input file.
type Input struct {
	Path      string `json:"path"`
	Format    string `json:"format"`
	Resources int    `json:"resources"`
	// Status is InputEvaluated or InputNotEvaluated.
	Status InputStatus `json:"status"`
	// Reason says why an input was not evaluated (empty when it was).
	Reason string `json:"reason,omitempty"`
	// Checked counts, per rule id, the resources of this input the rule
	// judged. Reports per input (JUnit suites by input) read it; it is not
	// written to JSON, where the per-rule totals are.
	Checked map[string]int `json:"-"`
	// Types counts the live resources of this input per resource type (or
	// Kubernetes kind), skipping deleted resources and data sources as
	// rules do, so that a control counts each resource its rules checked
	// once. Not written to JSON.
	Types map[string]int `json:"-"`
	// Order is the input's place in the whole run (from 1, paths that
	// could not be walked first), in a shard's report only; inputs that a
	// file brought in (nested stacks) share its place.
	Order int `json:"order,omitempty"`
	// Counts holds Checked and Types in a shard's report, for the merge.
	Counts *InputCounts `json:"counts,omitempty"`
}

// InputCounts are the per-input counts a shard's report writes for the
// merge: Input.Checked and Input.Types.
type InputCounts struct {
	Checked map[string]int `json:"checked"`
	Types   map[string]int `json:"types"`
}

// InputError is an input that could not be loaded or evaluated.
type InputError struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
	// Order is the place of the input in the whole run, in a shard's
	// report only (see Input.Order).
	Order int `json:"order,omitempty"`
}

// RuleResult is what one rule found over all inputs.
type RuleResult struct {
	Rule   Rule   `json:"rule"`
	Status Status `json:"status"`
	// Checked counts the resources of the rule's selector types (or, for a
	// rule without resource types, the documents) it was evaluated on.
	Checked int `json:"checked"`
	// Failed, Warned and Unknown count distinct resources with such
	// findings that no waiver covers; Waived those with waived findings only.
	Failed  int `json:"failed"`
	Warned  int `json:"warned"`
	Unknown int `json:"unknown"`
	Waived  int `json:"waived"`
	// Passed is Checked minus the checked resources with any finding.
	Passed int `json:"passed"`
}

// Framework is the view of one framework: every control of its catalog
// (and any control a rule maps to that the catalog lacks), with its status.
type Framework struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Controls []Control      `json:"controls"`
	Counts   map[Status]int `json:"counts"`
	// Covered counts the controls with at least one loaded rule; Coverage
	// is Covered as a share of all controls, in percent rounded down to
	// one decimal.
	Covered  int     `json:"covered"`
	Coverage float64 `json:"coverage"`
	// Partial marks a catalog that lists only the controls rules map to,
	// so Coverage is not the coverage of the whole framework.
	Partial bool `json:"partial,omitempty"`
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
	// Evidence says, rule by rule, what was checked and which resources
	// broke the control (or were waived), with file and line where known.
	Evidence []Evidence `json:"evidence"`
}

// Evidence is what one rule contributed to a control.
type Evidence struct {
	Rule    string `json:"rule"`
	Status  Status `json:"status"`
	Checked int    `json:"checked"`
	// Findings locate every finding of the rule: the resources that failed,
	// warned, were unknown or waived.
	Findings []Location `json:"findings,omitempty"`
}

// Location points at one finding from the control view.
type Location struct {
	Kind     Kind   `json:"kind"`
	Resource string `json:"resource,omitempty"`
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Waived   bool   `json:"waived,omitempty"`
}

// Summary holds the counts a CI gate looks at.
type Summary struct {
	Inputs    int `json:"inputs"`
	Resources int `json:"resources"`
	Rules     int `json:"rules"`
	Errors    int `json:"errors"`
	// NotEvaluated counts the inputs that were read but that no loaded
	// rule checked (Input.Status InputNotEvaluated).
	NotEvaluated int `json:"not_evaluated"`
	// Deny, Warn and Unknown count findings that no waiver covers.
	Deny    int `json:"deny"`
	Warn    int `json:"warn"`
	Unknown int `json:"unknown"`
	// Waived counts findings covered by a waiver.
	Waived int `json:"waived"`
	// Failed says whether the run fails the gate under the chosen options
	// (--fail-on-warn, --unknown, --fail-on-unevaluated); the CLI exits 1
	// when it is true.
	Failed bool `json:"failed"`
}

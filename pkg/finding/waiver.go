package finding

// Waiver is an accepted exception: findings of matching rules on matching
// resources (and inputs) are reported as waived until the waiver expires.
type Waiver struct {
	// Rule and Resource are ids or globs ("TNT-AWS-S3-*", "module.logs.*").
	Rule     string `json:"rule"`
	Resource string `json:"resource,omitempty"`
	// Input limits the waiver to inputs whose path matches this glob.
	Input   string `json:"input,omitempty"`
	Reason  string `json:"reason"`
	Owner   string `json:"owner,omitempty"`
	Ticket  string `json:"ticket,omitempty"`
	Expires string `json:"expires,omitempty"` // YYYY-MM-DD, the last day it applies
	// Source says where the waiver was written: "waivers.yaml:12", or the
	// annotation of a Kubernetes object ("k8s.yaml:30").
	Source string `json:"source"`
	// Exact makes Resource and Input plain strings, not globs. A waiver in
	// an annotation is exact: it names its own object and file, and those
	// names come from the input under review, where "*" is no wildcard.
	Exact bool `json:"-"`
}

// WaiverState is what became of a waiver in a scan.
type WaiverState string

// The waiver states.
const (
	// WaiverActive waivers matched at least one finding.
	WaiverActive WaiverState = "active"
	// WaiverExpired waivers are past their date and no longer apply.
	WaiverExpired WaiverState = "expired"
	// WaiverStale waivers are in force but matched no finding: the
	// exception is no longer needed, or its rule or address is wrong.
	WaiverStale WaiverState = "stale"
	// WaiverRefused waivers were not applied: a broad waiver from a
	// Kubernetes annotation without the opt-in for broad waivers, or an
	// annotation waiver in a scan that turns them off. Matched counts the
	// findings it would have covered, which still count as failures.
	WaiverRefused WaiverState = "refused"
)

// WaiverUse is one waiver with its state and the number of findings it
// covered (active) or would have covered (expired, refused).
type WaiverUse struct {
	Waiver  Waiver      `json:"waiver"`
	State   WaiverState `json:"state"`
	Matched int         `json:"matched"`
	// Broad marks a waiver that excuses more than one exception: a rule
	// pattern of several rule families, or a glob of rules on every
	// resource (see waiver.Broad). Reports list broad waivers on every run.
	Broad bool `json:"broad,omitempty"`
	// Note says why a waiver was refused, or what makes it broad.
	Note string `json:"note,omitempty"`
	// Order is, for a waiver from an annotation in a shard's report, the
	// place of its input in the whole run (see Input.Order).
	Order int `json:"order,omitempty"`
}

package finding

// The values of Finding.Baseline.
const (
	// BaselineNew marks a finding whose fingerprint is not in the baseline:
	// only new findings fail a run that has a baseline.
	BaselineNew = "new"
	// BaselineExisting marks a finding the baseline already had.
	BaselineExisting = "existing"
)

// Baseline says how a scan's findings compare with an earlier report,
// matched by Fingerprint.
type Baseline struct {
	// Path is the baseline report the scan was compared with.
	Path string `json:"path"`
	// New and Existing count the scan's findings of each mark.
	New      int `json:"new"`
	Existing int `json:"existing"`
	// Resolved lists the baseline's findings that the scan no longer has.
	Resolved []Finding `json:"resolved"`
}

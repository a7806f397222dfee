package diff

import (
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Schema is the value of Diff.Schema; fields are only ever added within it.
const Schema = "tenet.diff/v1"

// Diff is what changed from an old report to a new one.
type Diff struct {
	Schema  string  `json:"schema"`
	Old     Report  `json:"old"`
	New     Report  `json:"new"`
	Summary Summary `json:"summary"`
	// Added are the new report's findings whose fingerprint the old one
	// lacks; Resolved the old report's findings the new one lacks;
	// Unchanged the new report's findings the old one had too. Each is in
	// report order and never nil.
	Added     []finding.Finding `json:"new_findings"`
	Resolved  []finding.Finding `json:"resolved_findings"`
	Unchanged []finding.Finding `json:"unchanged_findings"`
	// Controls lists every control whose status differs, by framework and
	// control id.
	Controls []ControlChange `json:"controls"`
}

// Report names one side of a diff.
type Report struct {
	// Path is the file the report was read from, if any.
	Path    string `json:"path,omitempty"`
	Version string `json:"tool_version"`
	// Findings counts the report's findings.
	Findings int `json:"findings"`
}

// Summary counts the changes.
type Summary struct {
	New       int `json:"new"`
	Resolved  int `json:"resolved"`
	Unchanged int `json:"unchanged"`
	// NewFailing counts the new deny findings that no waiver covers: the
	// ones that make `tenet diff --fail-on-new` exit 1.
	NewFailing int `json:"new_failing"`
	// Controls counts the controls that changed status.
	Controls int `json:"controls"`
}

// ControlChange is a control whose status differs between the reports.
// From is empty when the old report did not have the control, To when the
// new one does not.
type ControlChange struct {
	Framework string         `json:"framework"`
	Control   string         `json:"control"`
	Title     string         `json:"title,omitempty"`
	From      finding.Status `json:"from"`
	To        finding.Status `json:"to"`
}

// Compare computes the diff from old to new. The paths in Diff.Old and
// Diff.New are left for the caller to fill in.
func Compare(old, new *finding.Result) *Diff {
	d := &Diff{
		Schema: Schema,
		Old:    Report{Version: old.Tool.Version, Findings: len(old.Findings)},
		New:    Report{Version: new.Tool.Version, Findings: len(new.Findings)},
	}
	seen, resolved := match(old.Findings, new.Findings)
	d.Added, d.Unchanged, d.Resolved = []finding.Finding{}, []finding.Finding{}, resolved
	for i, f := range new.Findings {
		if seen[i] {
			d.Unchanged = append(d.Unchanged, f)
			continue
		}
		d.Added = append(d.Added, f)
		if f.Kind == finding.KindDeny && !f.Waived() {
			d.Summary.NewFailing++
		}
	}
	d.Controls = Controls(old, new)
	d.Summary.New, d.Summary.Resolved, d.Summary.Unchanged = len(d.Added), len(d.Resolved), len(d.Unchanged)
	d.Summary.Controls = len(d.Controls)
	return d
}

// match pairs findings by fingerprint, counting duplicates: seen[i] tells
// whether cur[i] has a partner in base; resolved lists, in base order, the
// findings of base left without one.
func match(base, cur []finding.Finding) (seen []bool, resolved []finding.Finding) {
	left := map[string]int{}
	for _, f := range base {
		left[fingerprint(f)]++
	}
	seen = make([]bool, len(cur))
	for i, f := range cur {
		fp := fingerprint(f)
		if left[fp] > 0 {
			left[fp]--
			seen[i] = true
		}
	}
	// What is left over in base, taken from the end so that with
	// duplicates the earliest ones count as matched.
	resolved = []finding.Finding{}
	for i := len(base) - 1; i >= 0; i-- {
		fp := fingerprint(base[i])
		if left[fp] > 0 {
			left[fp]--
			resolved = append(resolved, base[i])
		}
	}
	for i, j := 0, len(resolved)-1; i < j; i, j = i+1, j-1 {
		resolved[i], resolved[j] = resolved[j], resolved[i]
	}
	return seen, resolved
}

func fingerprint(f finding.Finding) string {
	if f.Fingerprint != "" {
		return f.Fingerprint
	}
	return finding.Fingerprint(f, f.File)
}

// Controls lists the controls whose status differs from old to new,
// sorted by framework and control id.
func Controls(old, new *finding.Result) []ControlChange {
	type key struct{ fw, id string }
	before := map[key]finding.Control{}
	for _, fw := range old.Frameworks {
		for _, c := range fw.Controls {
			before[key{fw.ID, c.ID}] = c
		}
	}
	out := []ControlChange{}
	for _, fw := range new.Frameworks {
		for _, c := range fw.Controls {
			k := key{fw.ID, c.ID}
			prev, ok := before[k]
			delete(before, k)
			if ok && prev.Status == c.Status {
				continue
			}
			out = append(out, ControlChange{Framework: fw.ID, Control: c.ID, Title: c.Title, From: prev.Status, To: c.Status})
		}
	}
	for k, c := range before {
		out = append(out, ControlChange{Framework: k.fw, Control: k.id, Title: c.Title, From: c.Status})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Framework != out[j].Framework {
			return out[i].Framework < out[j].Framework
		}
		return finding.ControlLess(out[i].Control, out[j].Control)
	})
	return out
}

// MarkBaseline marks each finding BaselineNew or BaselineExisting by
// whether base has its fingerprint, and returns the comparison with the
// findings base had that findings lack. path names the baseline report.
func MarkBaseline(findings []finding.Finding, base *finding.Result, path string) *finding.Baseline {
	seen, resolved := match(base.Findings, findings)
	b := &finding.Baseline{Path: path, Resolved: resolved}
	for i := range findings {
		if seen[i] {
			findings[i].Baseline = finding.BaselineExisting
			b.Existing++
		} else {
			findings[i].Baseline = finding.BaselineNew
			b.New++
		}
	}
	return b
}

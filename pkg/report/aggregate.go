package report

import (
	"slices"
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// FrameworkInfo carries the titles of a framework and its controls.
type FrameworkInfo struct {
	Title    string
	Controls map[string]string // control id -> title
	// Partial marks a catalog that lists only the controls rules map to.
	Partial bool
}

// Frameworks builds the per-framework view of a scan: for each framework
// that a rule maps to, every control of its catalog with its status (the
// worst of its rules: fail, warn, unknown, waived, pass, not_applicable;
// not_covered when no rule maps to it) and its evidence, rule by rule.
// Frameworks come sorted by key, controls in natural id order.
func Frameworks(rules []finding.RuleResult, findings []finding.Finding, info map[string]FrameworkInfo) []finding.Framework {
	locs := map[string][]finding.Location{}
	for _, f := range findings {
		locs[f.RuleID] = append(locs[f.RuleID], finding.Location{Kind: f.Kind, Resource: f.Resource, File: f.File, Line: f.Line, Waived: f.Waived()})
	}
	byFW := map[string]map[string]*finding.Control{}
	for _, rr := range rules {
		for fw, ids := range rr.Rule.Controls {
			if byFW[fw] == nil {
				byFW[fw] = map[string]*finding.Control{}
			}
			for _, id := range ids {
				c := byFW[fw][id]
				if c == nil {
					c = &finding.Control{ID: id, Title: info[fw].Controls[id], Status: finding.StatusNotApplicable}
					byFW[fw][id] = c
				}
				if slices.Contains(c.Rules, rr.Rule.ID) {
					continue
				}
				c.Rules = append(c.Rules, rr.Rule.ID)
				c.Checked += rr.Checked
				c.Failed += rr.Failed
				c.Evidence = append(c.Evidence, finding.Evidence{Rule: rr.Rule.ID, Status: rr.Status, Checked: rr.Checked, Findings: locs[rr.Rule.ID]})
				if rr.Status.Worse(c.Status) {
					c.Status = rr.Status
				}
			}
		}
	}
	keys := make([]string, 0, len(byFW))
	for k := range byFW {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]finding.Framework, 0, len(keys))
	for _, k := range keys {
		fw := finding.Framework{ID: k, Title: info[k].Title, Counts: map[finding.Status]int{}, Partial: info[k].Partial}
		if fw.Title == "" {
			fw.Title = k
		}
		for id, title := range info[k].Controls {
			if byFW[k][id] == nil {
				fw.Controls = append(fw.Controls, finding.Control{ID: id, Title: title, Status: finding.StatusNotCovered, Rules: []string{}})
			}
		}
		for _, c := range byFW[k] {
			sort.Strings(c.Rules)
			sort.Slice(c.Evidence, func(i, j int) bool { return c.Evidence[i].Rule < c.Evidence[j].Rule })
			fw.Controls = append(fw.Controls, *c)
			fw.Covered++
		}
		for _, c := range fw.Controls {
			fw.Counts[c.Status]++
		}
		sort.Slice(fw.Controls, func(i, j int) bool { return finding.ControlLess(fw.Controls[i].ID, fw.Controls[j].ID) })
		fw.Coverage = share(fw.Covered, len(fw.Controls))
		out = append(out, fw)
	}
	return out
}

// share is part/whole*100 rounded down to one decimal, 0 for an empty whole.
func share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part*1000/whole) / 10
}

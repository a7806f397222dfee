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

// FrameworkInfoOf is the catalog of titles that frameworks were built
// with (every control is listed, with those no rule covers), so that a
// report read back can be aggregated again, as a merge does.
func FrameworkInfoOf(fws []finding.Framework) map[string]FrameworkInfo {
	info := make(map[string]FrameworkInfo, len(fws))
	for _, fw := range fws {
		controls := make(map[string]string, len(fw.Controls))
		for _, c := range fw.Controls {
			controls[c.ID] = c.Title
		}
		info[fw.ID] = FrameworkInfo{Title: fw.Title, Controls: controls, Partial: fw.Partial}
	}
	return info
}

// Frameworks builds the per-framework view of a scan: for each framework
// that a rule maps to, every control of its catalog with its status (the
// worst of its rules: fail, warn, unknown, waived, pass, not_applicable;
// not_covered when no rule maps to it) and its evidence, rule by rule.
// Frameworks come sorted by key, controls in natural id order.
func Frameworks(rules []finding.RuleResult, findings []finding.Finding, info map[string]FrameworkInfo) []finding.Framework {
	return FrameworksOf(rules, findings, info, nil)
}

// FrameworksOf is Frameworks with the inputs of the scan, whose resource
// types let a control count the distinct resources its rules checked: two
// rules on the same 14 buckets check 14 resources, not 28. Without inputs
// (or their Types), a control counts the most any one of its rules checked.
// Failed always counts distinct resources.
func FrameworksOf(rules []finding.RuleResult, findings []finding.Finding, info map[string]FrameworkInfo, inputs []finding.Input) []finding.Framework {
	fws := frameworks(rules, findings, info)
	byID := map[string]*finding.RuleResult{}
	for i := range rules {
		byID[rules[i].Rule.ID] = &rules[i]
	}
	// The resources per type over all inputs, once: controls are many
	// (NIST alone has a thousand).
	var types map[string]int
	for _, in := range inputs {
		if in.Types == nil {
			continue
		}
		if types == nil {
			types = map[string]int{}
		}
		for t, n := range in.Types {
			types[t] += n
		}
	}
	failed := newFailures(findings)
	for i := range fws {
		for j := range fws[i].Controls {
			c := &fws[i].Controls[j]
			if len(c.Rules) > 0 {
				c.Checked = controlChecked(c, byID, types)
				c.Failed = failed.count(c.Rules)
			}
		}
	}
	return fws
}

// failures numbers the distinct resources (file and address) with a
// failure no waiver covers, and lists them per rule, so that a control
// counts those of its rules without hashing them again: a large scan's
// findings times the controls each maps to run in the millions.
type failures struct {
	byRule map[string][]int32
	stamp  []int32 // stamp[n] is the last count that met resource n
	counts int32
}

func newFailures(findings []finding.Finding) *failures {
	type key struct{ file, resource string }
	ids := map[key]int32{}
	seen := map[string]map[int32]bool{}
	f := &failures{byRule: map[string][]int32{}}
	for _, x := range findings {
		if x.Kind != finding.KindDeny || x.Waived() {
			continue
		}
		k := key{x.File, x.Resource}
		n, ok := ids[k]
		if !ok {
			n = int32(len(ids))
			ids[k] = n
		}
		if seen[x.RuleID] == nil {
			seen[x.RuleID] = map[int32]bool{}
		}
		if !seen[x.RuleID][n] {
			seen[x.RuleID][n] = true
			f.byRule[x.RuleID] = append(f.byRule[x.RuleID], n)
		}
	}
	f.stamp = make([]int32, len(ids))
	return f
}

// count is the number of distinct resources that rules failed.
func (f *failures) count(rules []string) int {
	f.counts++
	n := 0
	for _, id := range rules {
		for _, r := range f.byRule[id] {
			if f.stamp[r] != f.counts {
				f.stamp[r] = f.counts
				n++
			}
		}
	}
	return n
}

// controlChecked counts the distinct resources a control's rules checked.
// types counts the resources of the scan per type; nil when the inputs do
// not say.
func controlChecked(c *finding.Control, rules map[string]*finding.RuleResult, types map[string]int) (checked int) {
	selected := map[string]bool{}
	documents := 0 // rules without resource types count documents
	most := 0
	for _, id := range c.Rules {
		rr := rules[id]
		if rr == nil {
			continue
		}
		most = max(most, rr.Checked)
		typed := false
		for _, sel := range rr.Rule.Selectors {
			for _, t := range sel.ResourceTypes {
				selected[t], typed = true, true
			}
		}
		if !typed {
			documents = max(documents, rr.Checked)
		}
	}
	if types == nil {
		return most
	}
	for t := range selected {
		checked += types[t]
	}
	return checked + documents
}

func frameworks(rules []finding.RuleResult, findings []finding.Finding, info map[string]FrameworkInfo) []finding.Framework {
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
				fw.Controls = append(fw.Controls, finding.Control{ID: id, Title: title, Status: finding.StatusNotCovered, Rules: []string{}, Evidence: []finding.Evidence{}})
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

// waivedKind is the key under which RuleResults counts waived findings.
const waivedKind finding.Kind = "waived"

// RuleResults counts, per rule, the resources checked and the distinct
// resources with each kind of finding, and derives the rule's status. A
// resource whose findings are all waived counts as waived.
func RuleResults(rules []finding.Rule, findings []finding.Finding, checked map[string]int) []finding.RuleResult {
	type key struct{ file, resource string }
	hit := map[string]map[finding.Kind]map[key]bool{}
	touched := map[string]map[key]bool{}
	for _, f := range findings {
		if hit[f.RuleID] == nil {
			hit[f.RuleID] = map[finding.Kind]map[key]bool{}
			touched[f.RuleID] = map[key]bool{}
		}
		kind := f.Kind
		if f.Waived() {
			kind = waivedKind
		}
		if hit[f.RuleID][kind] == nil {
			hit[f.RuleID][kind] = map[key]bool{}
		}
		k := key{f.File, f.Resource}
		hit[f.RuleID][kind][k] = true
		touched[f.RuleID][k] = true
	}
	// A resource with an unwaived finding is not counted as waived.
	for id, kinds := range hit {
		for k := range kinds[waivedKind] {
			if kinds[finding.KindDeny][k] || kinds[finding.KindWarn][k] || kinds[finding.KindUnknown][k] {
				delete(hit[id][waivedKind], k)
			}
		}
	}
	out := make([]finding.RuleResult, 0, len(rules))
	for _, r := range rules {
		rr := finding.RuleResult{
			Rule:    r,
			Checked: checked[r.ID],
			Failed:  len(hit[r.ID][finding.KindDeny]),
			Warned:  len(hit[r.ID][finding.KindWarn]),
			Unknown: len(hit[r.ID][finding.KindUnknown]),
			Waived:  len(hit[r.ID][waivedKind]),
		}
		rr.Passed = max(rr.Checked-len(touched[r.ID]), 0)
		switch {
		case rr.Failed > 0:
			rr.Status = finding.StatusFail
		case rr.Warned > 0:
			rr.Status = finding.StatusWarn
		case rr.Unknown > 0:
			rr.Status = finding.StatusUnknown
		case rr.Waived > 0:
			rr.Status = finding.StatusWaived
		case rr.Checked > 0:
			rr.Status = finding.StatusPass
		default:
			rr.Status = finding.StatusNotApplicable
		}
		out = append(out, rr)
	}
	return out
}

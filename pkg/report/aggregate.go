package report

import (
	"sort"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// FrameworkInfo carries the titles of a framework and its controls.
type FrameworkInfo struct {
	Title    string
	Controls map[string]string // control id -> title
	// Partial marks a catalog that lists only the controls rules map to.
	Partial bool
}

// Frameworks builds the per-framework view of rule results: for each
// framework that a rule maps to, each of its mapped controls with the worst
// status of its rules (fail, warn, unknown, pass, not_applicable).
// Frameworks come sorted by key, controls in natural id order.
func Frameworks(rules []finding.RuleResult, info map[string]FrameworkInfo) []finding.Framework {
	type acc struct {
		ctrl  finding.Control
		rules map[string]bool
	}
	byFW := map[string]map[string]*acc{}
	for _, rr := range rules {
		for fw, ids := range rr.Rule.Controls {
			if byFW[fw] == nil {
				byFW[fw] = map[string]*acc{}
			}
			for _, id := range ids {
				a := byFW[fw][id]
				if a == nil {
					a = &acc{ctrl: finding.Control{ID: id, Title: info[fw].Controls[id], Status: finding.StatusNotApplicable}, rules: map[string]bool{}}
					byFW[fw][id] = a
				}
				if !a.rules[rr.Rule.ID] {
					a.rules[rr.Rule.ID] = true
					a.ctrl.Rules = append(a.ctrl.Rules, rr.Rule.ID)
					a.ctrl.Checked += rr.Checked
					a.ctrl.Failed += rr.Failed
				}
				if rr.Status.Worse(a.ctrl.Status) {
					a.ctrl.Status = rr.Status
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
		fw := finding.Framework{ID: k, Title: info[k].Title, Counts: map[finding.Status]int{}}
		if fw.Title == "" {
			fw.Title = k
		}
		for _, a := range byFW[k] {
			sort.Strings(a.ctrl.Rules)
			fw.Controls = append(fw.Controls, a.ctrl)
			fw.Counts[a.ctrl.Status]++
		}
		sort.Slice(fw.Controls, func(i, j int) bool { return naturalLess(fw.Controls[i].ID, fw.Controls[j].ID) })
		out = append(out, fw)
	}
	return out
}

// naturalLess orders control ids so that "AC-3" < "AC-21" and "2.1.4" < "2.1.10".
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		ra, rb := leadingRun(a), leadingRun(b)
		if ra != rb {
			na, ea := strconv.Atoi(ra)
			nb, eb := strconv.Atoi(rb)
			if ea == nil && eb == nil && na != nb {
				return na < nb
			}
			return ra < rb
		}
		a, b = a[len(ra):], b[len(rb):]
	}
	return len(a) < len(b)
}

// leadingRun returns the leading run of digits, or of non-digits, of s.
func leadingRun(s string) string {
	digit := s[0] >= '0' && s[0] <= '9'
	i := strings.IndexFunc(s, func(r rune) bool { return (r >= '0' && r <= '9') != digit })
	if i < 0 {
		return s
	}
	return s[:i]
}

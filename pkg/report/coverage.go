package report

import (
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Coverage says how much of one framework the loaded rules can check.
type Coverage struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Controls is the number of controls in the framework's catalog.
	Controls int `json:"controls"`
	// Covered is the number of those controls with at least one rule.
	Covered int `json:"covered"`
	// Percent is Covered/Controls*100, rounded down to one decimal.
	Percent float64 `json:"percent"`
	// Rules is the number of rules mapped to the framework.
	Rules int `json:"rules"`
	// Partial is true when the catalog lists only the controls that rules
	// map to: Percent is then not the coverage of the whole framework.
	Partial bool `json:"partial,omitempty"`
	// Unlisted are control ids that rules map to but the catalog does not
	// list: a mapping error, which catalog.Load refuses, so it is empty for
	// the rules of a loaded catalog.
	Unlisted []string `json:"unlisted,omitempty"`
}

// Coverages computes the coverage of every framework that has a catalog or
// that a rule maps to, sorted by id.
func Coverages(rules []finding.Rule, info map[string]FrameworkInfo) []Coverage {
	covered := map[string]map[string]bool{}
	ruleCount := map[string]int{}
	for _, r := range rules {
		for fw, ids := range r.Controls {
			if covered[fw] == nil {
				covered[fw] = map[string]bool{}
			}
			ruleCount[fw]++
			for _, id := range ids {
				covered[fw][id] = true
			}
		}
	}
	keys := map[string]bool{}
	for k := range info {
		keys[k] = true
	}
	for k := range covered {
		keys[k] = true
	}
	out := make([]Coverage, 0, len(keys))
	for k := range keys {
		c := Coverage{ID: k, Title: info[k].Title, Controls: len(info[k].Controls), Rules: ruleCount[k], Partial: info[k].Partial}
		if c.Title == "" {
			c.Title = k
		}
		for id := range covered[k] {
			if _, ok := info[k].Controls[id]; ok {
				c.Covered++
			} else {
				c.Unlisted = append(c.Unlisted, id)
			}
		}
		sort.Slice(c.Unlisted, func(i, j int) bool { return finding.ControlLess(c.Unlisted[i], c.Unlisted[j]) })
		c.Percent = share(c.Covered, c.Controls)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

package catalog

import "github.com/tenet-dev/tenet/pkg/finding"

// Filter keeps the rules for which keep returns true, as keep returns them
// (it may narrow a rule's controls), and the evaluations of those rules;
// exception rules stay, since they except the findings of the rules kept.
func (c *Catalog) Filter(keep func(finding.Rule) (finding.Rule, bool)) {
	kept := map[string]bool{}
	var rules []finding.Rule
	for _, r := range c.Rules {
		if r, ok := keep(r); ok {
			kept[r.ID] = true
			rules = append(rules, r)
		}
	}
	c.Rules = rules
	var evals []Eval
	for _, ev := range c.Evals {
		if kept[ev.RuleID] || ev.Exception {
			evals = append(evals, ev)
		}
	}
	c.Evals = evals
}

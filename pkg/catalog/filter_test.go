package catalog_test

import (
	"testing"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestFilter keeps the chosen rules, as the keep function returns them,
// their evaluations and every exception rule.
func TestFilter(t *testing.T) {
	c := &catalog.Catalog{
		Rules: []finding.Rule{{ID: "A", Controls: map[string][]string{"x": {"1"}, "y": {"2"}}}, {ID: "B"}},
		Evals: []catalog.Eval{{RuleID: "A", Ref: "data.a.deny"}, {RuleID: "B", Ref: "data.b.deny"}, {RuleID: "main.exception", Ref: "data.main.exception", Exception: true}},
	}
	c.Filter(func(r finding.Rule) (finding.Rule, bool) {
		r.Controls = map[string][]string{"x": r.Controls["x"]}
		return r, r.ID == "A"
	})
	if len(c.Rules) != 1 || c.Rules[0].ID != "A" || len(c.Rules[0].Controls) != 1 {
		t.Errorf("rules = %+v", c.Rules)
	}
	if len(c.Evals) != 2 || c.Evals[0].RuleID != "A" || !c.Evals[1].Exception {
		t.Errorf("evals = %+v", c.Evals)
	}
}

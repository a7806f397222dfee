package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// CSV writes one row per finding, for spreadsheets: rule, severity, kind,
// resource, attribute, file, line, message, and the rule's controls.
type CSV struct{}

// Write implements Reporter.
func (CSV) Write(w io.Writer, res *finding.Result) error {
	rules := map[string]finding.Rule{}
	for _, rr := range res.Rules {
		rules[rr.Rule.ID] = rr.Rule
	}
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"rule_id", "severity", "kind", "resource", "attribute", "file", "line", "message", "title", "controls"}); err != nil {
		return err
	}
	for _, f := range res.Findings {
		line := ""
		if f.Line > 0 {
			line = strconv.Itoa(f.Line)
		}
		r := rules[f.RuleID]
		if err := cw.Write([]string{f.RuleID, string(f.Severity), string(f.Kind), f.Resource, f.Attribute, f.File, line, f.Message, r.Title, controls(r)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// CSV writes one row per finding, for spreadsheets: rule, severity, kind,
// resource, attribute, file, line, message, the rule's title and controls,
// the finding's fingerprint, the waiver that covers it (its reason, owner,
// ticket and expiry), and the bundle and revision of the rule.
type CSV struct{}

// Write implements Reporter.
func (CSV) Write(w io.Writer, res *finding.Result) error {
	rules := map[string]finding.Rule{}
	for _, rr := range res.Rules {
		rules[rr.Rule.ID] = rr.Rule
	}
	revisions := map[string]string{}
	for _, b := range res.Bundles {
		revisions[b.Name] = strings.TrimSpace(b.Name + " " + b.Revision)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"rule_id", "severity", "kind", "resource", "attribute", "file", "line", "message", "title", "controls", "fingerprint", "waived", "waiver_reason", "waiver_owner", "waiver_ticket", "waiver_expires", "bundle"}); err != nil {
		return err
	}
	for _, f := range res.Findings {
		line := ""
		if f.Line > 0 {
			line = strconv.Itoa(f.Line)
		}
		r := rules[f.RuleID]
		wv, waived := finding.Waiver{}, "false"
		if f.Waiver != nil {
			wv, waived = *f.Waiver, "true"
		}
		row := []string{f.RuleID, string(f.Severity), string(f.Kind), f.Resource, f.Attribute, f.File, line, f.Message, r.Title, controls(r),
			f.Fingerprint, waived, wv.Reason, wv.Owner, wv.Ticket, wv.Expires, revisions[r.Bundle]}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

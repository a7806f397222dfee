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
// ticket and expiry), and the bundle and revision of the rule. After the
// findings, one row per input that was not evaluated: kind "error" (it
// could not be read or evaluated) or "not_evaluated" (no rule checks it),
// with the file and the message, and the other columns empty.
type CSV struct{}

// csvHeader names the columns of every row.
var csvHeader = []string{"rule_id", "severity", "kind", "resource", "attribute", "file", "line", "message", "title", "controls", "fingerprint", "waived", "waiver_reason", "waiver_owner", "waiver_ticket", "waiver_expires", "bundle"}

// inputRow is the row of an input that was not evaluated: its kind, file,
// line and message, not waived, the other columns empty.
func inputRow(kind, file, line, message string) []string {
	cells := map[string]string{"kind": kind, "file": file, "line": line, "message": message, "waived": "false"}
	row := make([]string, len(csvHeader))
	for i, name := range csvHeader {
		row[i] = cells[name]
	}
	return row
}

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
	if err := cw.Write(csvHeader); err != nil {
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
		if err := cw.Write(defused(row)); err != nil {
			return err
		}
	}
	// Inputs that were not evaluated are rows too, so that a spreadsheet
	// without findings for a file does not read as a pass.
	for _, e := range res.Errors {
		line := ""
		if e.Line > 0 {
			line = strconv.Itoa(e.Line)
		}
		if err := cw.Write(defused(inputRow("error", e.Path, line, e.Message))); err != nil {
			return err
		}
	}
	for _, in := range notEvaluated(res) {
		if err := cw.Write(defused(inputRow("not_evaluated", in.Path, "", in.Reason))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defused prefixes with a quote every cell that a spreadsheet would read as
// a formula (starting with =, +, -, @, a tab or a carriage return): cells
// carry text from the inputs, such as a namespace named
// =HYPERLINK("http://evil","x"), and opening the file must not run it.
// The quote is what spreadsheets show as the start of text.
func defused(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return row
}

package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Markdown writes a report sized for a pull-request comment: the verdict
// and a summary table per framework first, then, folded in <details>, the
// controls that did not pass and every finding with its remediation.
type Markdown struct{}

var mdStatus = map[finding.Status]string{
	finding.StatusFail:          "❌ fail",
	finding.StatusWarn:          "⚠️ warn",
	finding.StatusUnknown:       "❔ unknown",
	finding.StatusPass:          "✅ pass",
	finding.StatusNotApplicable: "➖ n/a",
}

// Write implements Reporter.
func (Markdown) Write(w io.Writer, res *finding.Result) error {
	bw := bufio.NewWriter(w)
	s := res.Summary
	verdict := "✅ **tenet: pass**"
	switch {
	case s.Failed:
		verdict = "❌ **tenet: fail**"
	case s.Errors > 0:
		verdict = "⚠️ **tenet: incomplete**"
	}
	fmt.Fprintf(bw, "%s: %s, %s, %d unknown until apply, %s in %s (%s, %s).\n\n",
		verdict, plural(s.Deny, "failure"), plural(s.Warn, "warning"), s.Unknown, plural(s.Errors, "input error"),
		plural(s.Inputs, "input"), plural(s.Resources, "resource"), plural(s.Rules, "rule"))
	if len(res.Frameworks) > 0 {
		fmt.Fprintln(bw, "| framework | controls | fail | warn | unknown | pass | n/a |")
		fmt.Fprintln(bw, "|---|---:|---:|---:|---:|---:|---:|")
		for _, fw := range res.Frameworks {
			c := fw.Counts
			fmt.Fprintf(bw, "| %s | %d | %d | %d | %d | %d | %d |\n", mdCell(fw.Title), len(fw.Controls),
				c[finding.StatusFail], c[finding.StatusWarn], c[finding.StatusUnknown], c[finding.StatusPass], c[finding.StatusNotApplicable])
		}
		fmt.Fprintln(bw)
	}
	for _, fw := range res.Frameworks {
		var rows []string
		for _, c := range fw.Controls {
			if c.Status == finding.StatusPass || c.Status == finding.StatusNotApplicable {
				continue
			}
			rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s |", mdStatus[c.Status], c.ID, mdCell(c.Title), strings.Join(c.Rules, ", ")))
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(bw, "<details><summary>%s: %s</summary>\n\n", mdCell(fw.Title), counts(fw))
		fmt.Fprintln(bw, "| status | control | title | rules |")
		fmt.Fprintln(bw, "|---|---|---|---|")
		fmt.Fprintln(bw, strings.Join(rows, "\n"))
		fmt.Fprint(bw, "\n</details>\n\n")
	}
	if len(res.Findings) > 0 {
		fmt.Fprintf(bw, "<details><summary>Findings (%d)</summary>\n\n", len(res.Findings))
		fmt.Fprintln(bw, "| | rule | resource | location | message |")
		fmt.Fprintln(bw, "|---|---|---|---|---|")
		for _, f := range res.Findings {
			loc := f.File
			if f.Line > 0 {
				loc = fmt.Sprintf("%s:%d", f.File, f.Line)
			}
			resource := "-"
			if f.Resource != "" {
				resource = "`" + mdCell(f.Resource) + "`"
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s |\n", mdStatus[kindStatus[f.Kind]], f.RuleID, resource, mdCell(loc), mdCell(f.Message))
		}
		fmt.Fprintln(bw)
		var fixes []string
		for _, rr := range res.Rules {
			if rr.Rule.Remediation != "" && (rr.Failed > 0 || rr.Warned > 0 || rr.Unknown > 0) {
				fixes = append(fixes, fmt.Sprintf("- **%s** %s: %s", rr.Rule.ID, rr.Rule.Title, rr.Rule.Remediation))
			}
		}
		if len(fixes) > 0 {
			fmt.Fprintf(bw, "**How to fix**\n\n%s\n\n", strings.Join(fixes, "\n"))
		}
		fmt.Fprint(bw, "</details>\n\n")
	}
	if len(res.Errors) > 0 {
		fmt.Fprintln(bw, "**Inputs not evaluated**")
		fmt.Fprintln(bw)
		for _, e := range res.Errors {
			fmt.Fprintf(bw, "- `%s`\n", e.Message)
		}
		fmt.Fprintln(bw)
	}
	var bundles []string
	for _, b := range res.Bundles {
		bundles = append(bundles, strings.TrimSpace(b.Name+" "+b.Revision))
	}
	fmt.Fprintf(bw, "<sub>%s %s · bundles: %s</sub>\n", res.Tool.Name, res.Tool.Version, strings.Join(bundles, ", "))
	return bw.Flush()
}

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
	finding.StatusWaived:        "💤 waived",
	finding.StatusNotCovered:    "▫️ not covered",
}

// Write implements Reporter.
func (Markdown) Write(w io.Writer, res *finding.Result) error {
	bw := bufio.NewWriter(w)
	s := res.Summary
	word := map[string]string{
		verdictPass:         "✅ **tenet: pass**",
		verdictFail:         "❌ **tenet: fail**",
		verdictIncomplete:   "⚠️ **tenet: incomplete**",
		verdictNotEvaluated: "⚠️ **tenet: not evaluated**",
	}[verdict(s)]
	waived := ""
	if s.Waived > 0 {
		waived = fmt.Sprintf(", %d waived", s.Waived)
	}
	fmt.Fprintf(bw, "%s: %s, %s, %d unknown until apply%s, %s%s in %s (%s, %s).\n\n",
		word, plural(s.Deny, "failure"), plural(s.Warn, "warning"), s.Unknown, waived, plural(s.Errors, "input error"), notEvaluatedCount(s),
		plural(s.Inputs, "input"), plural(s.Resources, "resource"), plural(s.Rules, "rule"))
	mdBaseline(bw, res)
	if len(res.Frameworks) > 0 {
		fmt.Fprintln(bw, "| framework | coverage | fail | warn | unknown | waived | pass | n/a | not covered |")
		fmt.Fprintln(bw, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
		for _, fw := range res.Frameworks {
			c := fw.Counts
			star := ""
			if fw.Partial {
				star = "*"
			}
			fmt.Fprintf(bw, "| %s | %.1f%%%s of %d | %d | %d | %d | %d | %d | %d | %d |\n", mdCell(fw.Title), fw.Coverage, star, len(fw.Controls),
				c[finding.StatusFail], c[finding.StatusWarn], c[finding.StatusUnknown], c[finding.StatusWaived], c[finding.StatusPass],
				c[finding.StatusNotApplicable], c[finding.StatusNotCovered])
		}
		fmt.Fprintln(bw)
	}
	for _, fw := range res.Frameworks {
		var rows []string
		for _, c := range fw.Controls {
			switch c.Status {
			case finding.StatusPass, finding.StatusNotApplicable, finding.StatusNotCovered:
				continue
			}
			rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s | %s |", mdStatus[c.Status], c.ID, mdCell(c.Title), strings.Join(c.Rules, ", "), mdEvidence(c)))
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(bw, "<details><summary>%s: %s</summary>\n\n", mdCell(fw.Title), counts(fw))
		fmt.Fprintln(bw, "| status | control | title | rules | resources |")
		fmt.Fprintln(bw, "|---|---|---|---|---|")
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
			status, msg := mdStatus[kindStatus[f.Kind]], f.Message
			if f.Waived() {
				status, msg = mdStatus[finding.StatusWaived], msg+" (waived: "+f.Waiver.Reason+")"
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s |\n", status, f.RuleID, resource, mdCell(loc), mdCell(msg))
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
	if unchecked := notEvaluated(res); len(res.Errors) > 0 || len(unchecked) > 0 {
		fmt.Fprintln(bw, "**Inputs not evaluated**")
		fmt.Fprintln(bw)
		for _, e := range res.Errors {
			fmt.Fprintf(bw, "- `%s`\n", e.Message)
		}
		for _, in := range unchecked {
			fmt.Fprintf(bw, "- `%s`: not checked: %s\n", in.Path, mdCell(in.Reason))
		}
		fmt.Fprintln(bw)
	}
	var stale []string
	for _, u := range res.Waivers {
		if !listed(u) {
			continue
		}
		state := string(u.State)
		if u.Broad && u.State == finding.WaiverActive {
			state = "broad"
		}
		line := fmt.Sprintf("- %s waiver `%s` %s (%s)", state, mdCell(strings.TrimSpace(u.Waiver.Rule+" "+u.Waiver.Resource)), mdCell(u.Waiver.Reason), mdCell(u.Waiver.Source))
		if u.Note != "" {
			line += ": " + mdCell(u.Note)
		}
		stale = append(stale, line)
	}
	if len(stale) > 0 {
		fmt.Fprintf(bw, "**Waivers to review**\n\n%s\n\n", strings.Join(stale, "\n"))
	}
	var bundles []string
	for _, b := range res.Bundles {
		bundles = append(bundles, strings.TrimSpace(b.Name+" "+b.Revision))
	}
	fmt.Fprintf(bw, "<sub>%s %s · bundles: %s</sub>\n", res.Tool.Name, res.Tool.Version, strings.Join(bundles, ", "))
	return bw.Flush()
}

// maxEvidence bounds the resources named in one markdown cell.
const maxEvidence = 5

// mdEvidence names the resources behind a control's status, with file and
// line, so a reader can go from the control to what broke it.
func mdEvidence(c finding.Control) string {
	var out []string
	n := 0
	for _, e := range c.Evidence {
		for _, l := range e.Findings {
			n++
			if len(out) == maxEvidence {
				continue
			}
			loc := l.File
			if l.Line > 0 {
				loc = fmt.Sprintf("%s:%d", l.File, l.Line)
			}
			name := loc
			if l.Resource != "" {
				name = fmt.Sprintf("`%s` (%s)", mdCell(l.Resource), mdCell(loc))
			}
			out = append(out, name)
		}
	}
	if n > len(out) {
		out = append(out, fmt.Sprintf("and %d more", n-len(out)))
	}
	return strings.Join(out, "<br>")
}

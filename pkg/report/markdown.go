package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Markdown writes a report that always fits a pull-request comment: the
// verdict and a summary table per framework first, the inputs not
// evaluated and the waivers to review, then, folded in <details>, the
// findings worst first with their remediation and the controls that did
// not pass. GitHub refuses comments over 65,536 characters: what does not
// fit within MaxChars is left out, worst kept, and a last line says what
// was left out and where the rest is.
type Markdown struct {
	// MaxChars bounds the output in characters (0: mdMaxChars).
	MaxChars int
}

// mdMaxChars leaves GitHub's comment limit (65,536 characters) room for
// what a CI step adds around the report (a heading, a marker to update the
// comment in place).
const mdMaxChars = 60000

// mdMaxListed bounds the lines of the lists that are always shown (inputs
// not evaluated, waivers to review, resolved findings).
const mdMaxListed = 50

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
func (m Markdown) Write(w io.Writer, res *finding.Result) error {
	limit := m.MaxChars
	if limit <= 0 {
		limit = mdMaxChars
	}
	var head, tail strings.Builder
	mdSummary(&head, res)
	mdInputsAndWaivers(&tail, res)
	var bundles []string
	for _, b := range res.Bundles {
		bundles = append(bundles, strings.TrimSpace(b.Name+" "+b.Revision))
	}
	fmt.Fprintf(&tail, "<sub>%s %s · bundles: %s</sub>\n", res.Tool.Name, res.Tool.Version, strings.Join(bundles, ", "))

	// The details fill what is left, findings first (a reviewer acts on
	// them), then the controls, each section only whole.
	const noteRoom = 400
	budget := limit - chars(head.String()) - chars(tail.String()) - noteRoom
	findings, shown := mdFindings(res, budget)
	budget -= chars(findings)
	var controls strings.Builder
	leftFrameworks := 0
	for _, fw := range res.Frameworks {
		section := mdControls(fw)
		switch {
		case section == "":
		case chars(section) <= budget:
			controls.WriteString(section)
			budget -= chars(section)
		default:
			leftFrameworks++
		}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(head.String())
	bw.WriteString(findings)
	bw.WriteString(controls.String())
	bw.WriteString(tail.String())
	if left := len(res.Findings) - shown; left > 0 || leftFrameworks > 0 {
		var parts []string
		if left > 0 {
			parts = append(parts, fmt.Sprintf("%d of %d findings", left, len(res.Findings)))
		}
		if leftFrameworks > 0 {
			parts = append(parts, fmt.Sprintf("the controls of %s", plural(leftFrameworks, "framework")))
		}
		fmt.Fprintf(bw, "\n_Left out to fit a pull-request comment: %s. The full report: `tenet test -o html=report.html` or `-o json`._\n", strings.Join(parts, " and "))
	}
	return bw.Flush()
}

// chars counts characters as GitHub does.
func chars(s string) int { return utf8.RuneCountInString(s) }

// mdSummary writes the verdict, the baseline comparison and the table of
// frameworks.
func mdSummary(w io.Writer, res *finding.Result) {
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
	fmt.Fprintf(w, "%s: %s, %s, %d unknown until apply%s, %s%s in %s (%s, %s).\n\n",
		word, plural(s.Deny, "failure"), plural(s.Warn, "warning"), s.Unknown, waived, plural(s.Errors, "input error"), notEvaluatedCount(s),
		plural(s.Inputs, "input"), plural(s.Resources, "resource"), plural(s.Rules, "rule"))
	mdBaseline(w, res)
	if len(res.Frameworks) == 0 {
		return
	}
	fmt.Fprintln(w, "| framework | coverage | fail | warn | unknown | waived | pass | n/a | not covered |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, fw := range res.Frameworks {
		c := fw.Counts
		star := ""
		if fw.Partial {
			star = "*"
		}
		fmt.Fprintf(w, "| %s | %.1f%%%s of %d | %d | %d | %d | %d | %d | %d | %d |\n", mdCell(fw.Title), fw.Coverage, star, len(fw.Controls),
			c[finding.StatusFail], c[finding.StatusWarn], c[finding.StatusUnknown], c[finding.StatusWaived], c[finding.StatusPass],
			c[finding.StatusNotApplicable], c[finding.StatusNotCovered])
	}
	fmt.Fprintln(w)
}

// mdControls is the folded table of a framework's controls that did not
// pass, or "" when all did.
func mdControls(fw finding.Framework) string {
	var rows []string
	for _, c := range fw.Controls {
		switch c.Status {
		case finding.StatusPass, finding.StatusNotApplicable, finding.StatusNotCovered:
			continue
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s | %s |", mdStatus[c.Status], c.ID, mdCell(c.Title), strings.Join(c.Rules, ", "), mdEvidence(c)))
	}
	if len(rows) == 0 {
		return ""
	}
	return fmt.Sprintf("<details><summary>%s: %s</summary>\n\n| status | control | title | rules | resources |\n|---|---|---|---|---|\n%s\n\n</details>\n\n",
		mdCell(fw.Title), counts(fw), strings.Join(rows, "\n"))
}

// mdRank orders findings for a reader: failures, warnings, unknowns, then
// waived ones.
func mdRank(f finding.Finding) int {
	if f.Waived() {
		return 3
	}
	return map[finding.Kind]int{finding.KindDeny: 0, finding.KindWarn: 1, finding.KindUnknown: 2}[f.Kind]
}

// mdFindings is the folded table of findings, worst first, with the fixes
// of their rules, within budget characters; it returns the section and the
// number of findings it shows.
func mdFindings(res *finding.Result, budget int) (string, int) {
	if len(res.Findings) == 0 {
		return "", 0
	}
	fs := append([]finding.Finding(nil), res.Findings...)
	sort.SliceStable(fs, func(i, j int) bool { return mdRank(fs[i]) < mdRank(fs[j]) })
	titles := map[string]finding.Rule{}
	for _, rr := range res.Rules {
		titles[rr.Rule.ID] = rr.Rule
	}
	var rows strings.Builder
	fixed := map[string]bool{}
	var fixes []string
	used := 0
	shown := 0
	const frame = 200 // the <details> wrapper and the headings
	for _, f := range fs {
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
		row := fmt.Sprintf("| %s | %s | %s | %s | %s |\n", status, f.RuleID, resource, mdCell(loc), mdCell(msg))
		fix := ""
		if r := titles[f.RuleID]; !fixed[f.RuleID] && r.Remediation != "" && !f.Waived() {
			fix = fmt.Sprintf("- **%s** %s: %s", r.ID, mdCell(r.Title), mdCell(r.Remediation))
		}
		cost := chars(row) + chars(fix) + 1
		if used+cost+frame > budget {
			break
		}
		used += cost
		rows.WriteString(row)
		if fix != "" {
			fixed[f.RuleID] = true
			fixes = append(fixes, fix)
		}
		shown++
	}
	if shown == 0 {
		return "", 0
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<details><summary>Findings (%d)</summary>\n\n| | rule | resource | location | message |\n|---|---|---|---|---|\n%s\n", len(res.Findings), rows.String())
	if len(fixes) > 0 {
		fmt.Fprintf(&b, "**How to fix**\n\n%s\n\n", strings.Join(fixes, "\n"))
	}
	b.WriteString("</details>\n\n")
	return b.String(), shown
}

// mdInputsAndWaivers writes the inputs that were not evaluated and the
// waivers to review, each list bounded.
func mdInputsAndWaivers(w io.Writer, res *finding.Result) {
	var lines []string
	for _, e := range res.Errors {
		lines = append(lines, fmt.Sprintf("- `%s`", e.Message))
	}
	for _, in := range notEvaluated(res) {
		lines = append(lines, fmt.Sprintf("- `%s`: not checked: %s", in.Path, mdCell(in.Reason)))
	}
	if len(lines) > 0 {
		fmt.Fprintf(w, "**Inputs not evaluated**\n\n%s\n\n", strings.Join(bounded(lines, mdMaxListed), "\n"))
	}
	if s := offSentence(res); s != "" {
		fmt.Fprintf(w, "**Rules off**: %s\n\n", mdCell(s))
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
		fmt.Fprintf(w, "**Waivers to review**\n\n%s\n\n", strings.Join(bounded(stale, mdMaxListed), "\n"))
	}
}

// bounded keeps the first n lines of a list and says how many more there
// are.
func bounded(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	return append(lines[:n:n], fmt.Sprintf("- … and %d more", len(lines)-n))
}

// maxEvidence bounds the resources named in one markdown cell.
const maxEvidence = 5

// mdEvidence names the resources behind a control's status, with file and
// line, so a reader can go from the control to what broke it.
func mdEvidence(c finding.Control) string {
	var out []string
	n := 0
	seen := map[[2]string]bool{} // a resource that breaks several rules is named once
	for _, e := range c.Evidence {
		for _, l := range e.Findings {
			k := [2]string{l.File, l.Resource}
			if seen[k] {
				continue
			}
			seen[k] = true
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

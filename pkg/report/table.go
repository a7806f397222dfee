package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Table writes the result for a terminal in at most 100 columns: a
// one-screen summary first (the verdict, one line per framework with its
// coverage and control counts, the rules that did not pass), then the
// details: with Controls, every control that did not pass, rule by rule;
// the findings of each rule with its remediation; the waivers; the inputs
// that could not be loaded; and the verdict again as the last line. The
// layout may change between versions; scripts should read the json format.
type Table struct {
	Color bool
	// Controls adds the control-by-control view of each framework (long
	// when all frameworks are shown; the CLI turns it on with --framework).
	Controls bool
	// Quiet writes only the findings, the inputs not evaluated and the
	// verdict: for CI logs that a summary page already covers.
	Quiet bool
}

// width is the terminal width the table is laid out for.
const width = 100

const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
	ansiBold   = "\x1b[1m"
)

var statusLabel = map[finding.Status]string{
	finding.StatusFail:          "FAIL",
	finding.StatusWarn:          "WARN",
	finding.StatusUnknown:       "UNKNOWN",
	finding.StatusWaived:        "WAIVED",
	finding.StatusPass:          "PASS",
	finding.StatusNotApplicable: "N/A",
	finding.StatusNotCovered:    "NOT COVERED",
}

var statusColor = map[finding.Status]string{
	finding.StatusFail:          ansiRed,
	finding.StatusWarn:          ansiYellow,
	finding.StatusUnknown:       ansiCyan,
	finding.StatusWaived:        ansiDim,
	finding.StatusPass:          ansiGreen,
	finding.StatusNotApplicable: ansiDim,
	finding.StatusNotCovered:    ansiDim,
}

var kindStatus = map[finding.Kind]finding.Status{
	finding.KindDeny:    finding.StatusFail,
	finding.KindWarn:    finding.StatusWarn,
	finding.KindUnknown: finding.StatusUnknown,
}

// Write implements Reporter.
func (t Table) Write(w io.Writer, res *finding.Result) error {
	bw := bufio.NewWriter(w)
	p := tablePrinter{w: bw, color: t.Color, controls: t.Controls, res: res, rules: map[string]*finding.RuleResult{}, byRule: map[string][]finding.Finding{}}
	for i := range res.Rules {
		p.rules[res.Rules[i].Rule.ID] = &res.Rules[i]
	}
	for _, f := range res.Findings {
		p.byRule[f.RuleID] = append(p.byRule[f.RuleID], f)
	}
	if t.Quiet {
		p.findings()
		p.errors()
		p.summary()
		return bw.Flush()
	}
	p.header()
	p.summary()
	p.baseline()
	p.overview()
	p.off()
	p.failing()
	if t.Controls {
		for _, fw := range res.Frameworks {
			p.framework(fw)
		}
	}
	p.findings()
	p.resolved()
	p.waivers()
	p.errors()
	if len(res.Findings) > 0 || len(res.Errors) > 0 || res.Summary.NotEvaluated > 0 {
		p.summary()
	}
	return bw.Flush()
}

type tablePrinter struct {
	w        *bufio.Writer
	color    bool
	controls bool // --framework: every chosen framework gets its row
	res      *finding.Result
	rules    map[string]*finding.RuleResult
	byRule   map[string][]finding.Finding // in the result's order
}

func (p *tablePrinter) paint(code, s string) string {
	if !p.color || code == "" {
		return s
	}
	return code + s + ansiReset
}

func (p *tablePrinter) status(s finding.Status) string {
	return p.paint(statusColor[s], fmt.Sprintf("%-11s", statusLabel[s]))
}

func (p *tablePrinter) header() {
	var bundles []string
	for _, b := range p.res.Bundles {
		s := b.Name
		if b.Revision != "" {
			s += " " + b.Revision
		}
		bundles = append(bundles, s)
	}
	sm := p.res.Summary
	fmt.Fprintf(p.w, "%s %s · %s · %s · %s\n", p.res.Tool.Name, p.res.Tool.Version,
		plural(sm.Inputs, "input"), plural(sm.Resources, "resource"), plural(sm.Rules, "rule"))
	p.wrapped("", "bundles: "+strings.Join(bundles, ", "), "         ")
}

// wrapped writes text after prefix, folded at spaces to the table width,
// with indent before each continuation line. Color codes in prefix do not
// count toward the width.
func (p *tablePrinter) wrapped(prefix, text, indent string) {
	room := width - visibleLen(prefix)
	line := prefix
	for {
		if len(text) <= room {
			fmt.Fprintf(p.w, "%s%s\n", line, text)
			return
		}
		cut := strings.LastIndexByte(text[:room+1], ' ')
		if cut <= 0 {
			cut = strings.IndexByte(text, ' ')
			if cut < 0 {
				fmt.Fprintf(p.w, "%s%s\n", line, text)
				return
			}
		}
		fmt.Fprintf(p.w, "%s%s\n", line, text[:cut])
		text = strings.TrimLeft(text[cut:], " ")
		line = indent
		room = width - len(indent)
	}
}

// visibleLen is the width of s on a terminal: runes, less ANSI codes.
func visibleLen(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case esc:
			esc = r != 'm'
		case r == '\x1b':
			esc = true
		default:
			n++
		}
	}
	return n
}

func counts(fw finding.Framework) string {
	var out []string
	for _, s := range finding.Statuses {
		if n := fw.Counts[s]; n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, strings.ToLower(statusLabel[s])))
		}
	}
	return strings.Join(out, " · ")
}

// failing lists the rules that did not pass, worst first, one line each.
func (p *tablePrinter) failing() {
	var rules []*finding.RuleResult
	for i := range p.res.Rules {
		switch p.res.Rules[i].Status {
		case finding.StatusFail, finding.StatusWarn, finding.StatusUnknown, finding.StatusWaived:
			rules = append(rules, &p.res.Rules[i])
		}
	}
	if len(rules) == 0 {
		return
	}
	sort.SliceStable(rules, func(i, j int) bool { return worstFirst(rules[i], rules[j]) })
	fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, fmt.Sprintf("Rules that did not pass (%d, worst first)", len(rules))))
	for i, rr := range rules {
		if i == maxRules && len(rules) > maxRules+1 {
			fmt.Fprintf(p.w, "  … and %d more, listed under Findings\n", len(rules)-maxRules)
			break
		}
		sev := strings.ToUpper(string(rr.Rule.Severity))
		prefix := fmt.Sprintf("  %s %-8s %-16s ", p.paint(statusColor[rr.Status], ruleMark(rr.Status)), sev, rr.Rule.ID)
		p.wrapped(prefix, p.ruleDetail(rr), strings.Repeat(" ", 31))
	}
}

// maxRules bounds the rules listed in the summary, so it fits one screen.
const maxRules = 12

// worstFirst orders rules by status, then severity (highest first), then id.
func worstFirst(a, b *finding.RuleResult) bool {
	if a.Status != b.Status {
		return a.Status.Worse(b.Status)
	}
	if ra, rb := a.Rule.Severity.Rank(), b.Rule.Severity.Rank(); ra != rb {
		return ra > rb
	}
	return a.Rule.ID < b.Rule.ID
}

// framework prints each control that did not pass with one line per rule
// that did not pass under it, naming the resources it failed (their
// messages follow once, under Findings). Passing controls, and controls
// with nothing to check, are listed together on one line each.
func (p *tablePrinter) framework(fw finding.Framework) {
	fmt.Fprintf(p.w, "\n%s (%s): %s\n", p.paint(ansiBold, fw.Title), fw.ID, counts(fw))
	var passed, notApplicable, notCovered []string
	for _, c := range fw.Controls {
		switch c.Status {
		case finding.StatusPass:
			passed = append(passed, c.ID)
			continue
		case finding.StatusNotApplicable:
			notApplicable = append(notApplicable, c.ID)
			continue
		case finding.StatusNotCovered:
			notCovered = append(notCovered, c.ID)
			continue
		}
		title := c.Title
		if title != "" {
			title = "  " + title
		}
		fmt.Fprintf(p.w, "  %s %s%s\n", p.status(c.Status), c.ID, p.paint(ansiDim, truncate(title, width-14-len(c.ID))))
		ok := 0
		for _, id := range c.Rules {
			rr := p.rules[id]
			switch {
			case rr == nil || rr.Status == finding.StatusNotApplicable:
			case rr.Status == finding.StatusPass:
				ok++
			default:
				prefix := fmt.Sprintf("             %s %s  ", p.paint(statusColor[rr.Status], ruleMark(rr.Status)), rr.Rule.ID)
				p.wrapped(prefix, p.ruleDetail(rr), strings.Repeat(" ", 15))
			}
		}
		if ok > 0 {
			fmt.Fprintf(p.w, "             %s\n", p.paint(ansiDim, "✓ "+plural(ok, "other rule")+" passed"))
		}
	}
	indent := strings.Repeat(" ", 14)
	if len(passed) > 0 {
		p.wrapped("  "+p.status(finding.StatusPass)+" ", strings.Join(passed, ", "), indent)
	}
	if len(notApplicable) > 0 {
		p.wrapped("  "+p.status(finding.StatusNotApplicable)+" ", strings.Join(notApplicable, ", ")+" (no resource of their rules' types)", indent)
	}
	if len(notCovered) > 0 {
		fmt.Fprintf(p.w, "  %s %s\n", p.status(finding.StatusNotCovered), plural(len(notCovered), "control")+" with no rule: manual evidence needed")
	}
}

// truncate shortens s to n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if n < 1 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func ruleMark(s finding.Status) string {
	switch s {
	case finding.StatusFail:
		return "✗"
	case finding.StatusWarn:
		return "!"
	case finding.StatusUnknown:
		return "?"
	case finding.StatusPass:
		return "✓"
	case finding.StatusWaived:
		return "~"
	}
	return "-"
}

// maxListed bounds the resources named on one line.
const maxListed = 3

func (p *tablePrinter) ruleDetail(rr *finding.RuleResult) string {
	switch rr.Status {
	case finding.StatusNotApplicable:
		return "nothing of its types to check"
	case finding.StatusPass:
		return fmt.Sprintf("%d checked", rr.Checked)
	}
	var parts []string
	for _, k := range []struct {
		n      int
		word   string
		kind   finding.Kind
		waived bool
	}{{rr.Failed, "failed", finding.KindDeny, false}, {rr.Warned, "warned", finding.KindWarn, false}, {rr.Unknown, "unknown", finding.KindUnknown, false}, {rr.Waived, "waived", "", true}} {
		if k.n == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%d %s: %s", k.n, k.word, p.resources(rr.Rule.ID, k.kind, k.waived)))
	}
	return fmt.Sprintf("%d checked; %s", rr.Checked, strings.Join(parts, "; "))
}

// resources lists the distinct resources with unwaived findings of a kind,
// or with waived findings.
func (p *tablePrinter) resources(ruleID string, kind finding.Kind, waived bool) string {
	var names []string
	seen := map[string]bool{}
	for _, f := range p.byRule[ruleID] {
		if f.Waived() != waived || !waived && f.Kind != kind {
			continue
		}
		name := f.Resource
		if name == "" {
			name = f.File
		}
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	if len(names) > maxListed {
		return strings.Join(names[:maxListed], ", ") + fmt.Sprintf(" and %d more", len(names)-maxListed)
	}
	return strings.Join(names, ", ")
}

// findings prints every finding once, grouped by rule, with the rule's
// remediation.
func (p *tablePrinter) findings() {
	if len(p.res.Findings) == 0 {
		return
	}
	fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Findings"))
	rules := make([]*finding.RuleResult, len(p.res.Rules))
	for i := range p.res.Rules {
		rules[i] = &p.res.Rules[i]
	}
	sort.SliceStable(rules, func(i, j int) bool { return worstFirst(rules[i], rules[j]) })
	for _, rr := range rules {
		first := true
		for _, f := range p.byRule[rr.Rule.ID] {
			if first {
				sev := ""
				if rr.Rule.Severity != "" {
					sev = " [" + string(rr.Rule.Severity) + "]"
				}
				title := ""
				if rr.Rule.Title != rr.Rule.ID {
					title = " " + rr.Rule.Title
				}
				p.wrapped("  ", rr.Rule.ID+sev+title, "    ")
				first = false
			}
			mark := p.paint(statusColor[kindStatus[f.Kind]], kindMark(f.Kind))
			msg := f.Message
			if f.Waived() {
				mark = p.paint(statusColor[finding.StatusWaived], ruleMark(finding.StatusWaived))
				msg += " (waived: " + f.Waiver.Reason + ")"
			}
			p.wrapped("    "+mark+" ", f.Place()+": "+msg, "      ")
		}
		if !first && rr.Rule.Remediation != "" {
			p.wrapped("    "+p.paint(ansiDim, "fix:")+" ", rr.Rule.Remediation, "      ")
		}
	}
}

func kindMark(k finding.Kind) string { return ruleMark(kindStatus[k]) }

// errors lists the inputs that were not evaluated: those that could not be
// read or evaluated (ERROR), and those that no rule checks (NOT CHECKED).
func (p *tablePrinter) errors() {
	unchecked := notEvaluated(p.res)
	if len(p.res.Errors) == 0 && len(unchecked) == 0 {
		return
	}
	fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Inputs not evaluated"))
	for _, e := range p.res.Errors {
		p.wrapped("  "+p.paint(ansiRed, "ERROR")+" ", e.Message, "        ")
	}
	for _, in := range unchecked {
		p.wrapped("  "+p.paint(ansiYellow, "NOT CHECKED")+" ", in.Path+": "+in.Reason, "              ")
	}
}

// off names the rules that checked nothing because their parameter is
// not set.
func (p *tablePrinter) off() {
	if s := offSentence(p.res); s != "" {
		fmt.Fprintln(p.w)
		p.wrapped("", s, "  ")
	}
}

func (p *tablePrinter) summary() {
	s := p.res.Summary
	word := verdict(s)
	color := ansiYellow
	switch word {
	case verdictPass:
		color = ansiGreen
	case verdictFail:
		color = ansiRed
	}
	waived := ""
	if s.Waived > 0 {
		waived = fmt.Sprintf(", %d waived", s.Waived)
	}
	if n := broadInForce(p.res.Waivers); n > 0 {
		waived += fmt.Sprintf(" (%s in force)", plural(n, "broad waiver"))
	}
	fmt.Fprintf(p.w, "\n%s: %s, %s, %d unknown until apply%s, %s%s\n", p.paint(color, word),
		plural(s.Deny, "failure"), plural(s.Warn, "warning"), s.Unknown, waived, plural(s.Errors, "input error"), notEvaluatedCount(s))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

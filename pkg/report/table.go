package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Table writes the result for a terminal, grouped framework → control →
// rule → resources, then the findings of rules without a control mapping,
// the inputs that could not be loaded and a one-line summary. The layout
// may change between versions; scripts should read the json format.
type Table struct {
	Color bool
}

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
	finding.StatusPass:          "PASS",
	finding.StatusNotApplicable: "N/A",
}

var statusColor = map[finding.Status]string{
	finding.StatusFail:          ansiRed,
	finding.StatusWarn:          ansiYellow,
	finding.StatusUnknown:       ansiCyan,
	finding.StatusPass:          ansiGreen,
	finding.StatusNotApplicable: ansiDim,
}

var kindStatus = map[finding.Kind]finding.Status{
	finding.KindDeny:    finding.StatusFail,
	finding.KindWarn:    finding.StatusWarn,
	finding.KindUnknown: finding.StatusUnknown,
}

// Write implements Reporter.
func (t Table) Write(w io.Writer, res *finding.Result) error {
	bw := bufio.NewWriter(w)
	p := tablePrinter{w: bw, color: t.Color, res: res, rules: map[string]*finding.RuleResult{}, byRule: map[string][]finding.Finding{}}
	for i := range res.Rules {
		p.rules[res.Rules[i].Rule.ID] = &res.Rules[i]
	}
	for _, f := range res.Findings {
		p.byRule[f.RuleID] = append(p.byRule[f.RuleID], f)
	}
	p.header()
	p.overview()
	for _, fw := range res.Frameworks {
		p.framework(fw)
	}
	p.unmapped()
	p.findings()
	p.errors()
	p.summary()
	return bw.Flush()
}

type tablePrinter struct {
	w      *bufio.Writer
	color  bool
	res    *finding.Result
	rules  map[string]*finding.RuleResult
	byRule map[string][]finding.Finding // in the result's order
}

func (p *tablePrinter) paint(code, s string) string {
	if !p.color || code == "" {
		return s
	}
	return code + s + ansiReset
}

func (p *tablePrinter) status(s finding.Status) string {
	return p.paint(statusColor[s], fmt.Sprintf("%-8s", statusLabel[s]))
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
	fmt.Fprintf(p.w, "%s %s · %s · %s · %s · bundles: %s\n", p.res.Tool.Name, p.res.Tool.Version,
		plural(sm.Inputs, "input"), plural(sm.Resources, "resource"), plural(sm.Rules, "rule"), strings.Join(bundles, ", "))
}

var statusOrder = []finding.Status{finding.StatusFail, finding.StatusWarn, finding.StatusUnknown, finding.StatusPass, finding.StatusNotApplicable}

func counts(fw finding.Framework) string {
	var out []string
	for _, s := range statusOrder {
		if n := fw.Counts[s]; n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, strings.ToLower(statusLabel[s])))
		}
	}
	return strings.Join(out, " · ")
}

// overview prints one line per framework before the details.
func (p *tablePrinter) overview() {
	if len(p.res.Frameworks) == 0 {
		return
	}
	fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Frameworks"))
	tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
	for _, fw := range p.res.Frameworks {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", fw.ID, fw.Title, plural(len(fw.Controls), "control"), counts(fw))
	}
	tw.Flush()
}

// framework prints each control that did not pass with one line per rule
// that did not pass under it, naming the resources it failed (their
// messages follow once, under Findings). Passing controls, and controls
// with nothing to check, are listed together on one line each.
func (p *tablePrinter) framework(fw finding.Framework) {
	fmt.Fprintf(p.w, "\n%s (%s): %s\n", p.paint(ansiBold, fw.Title), fw.ID, counts(fw))
	var passed, notApplicable []string
	for _, c := range fw.Controls {
		switch c.Status {
		case finding.StatusPass:
			passed = append(passed, c.ID)
			continue
		case finding.StatusNotApplicable:
			notApplicable = append(notApplicable, c.ID)
			continue
		}
		title := c.Title
		if title != "" {
			title = "  " + title
		}
		fmt.Fprintf(p.w, "  %s %s%s\n", p.status(c.Status), c.ID, p.paint(ansiDim, title))
		ok := 0
		for _, id := range c.Rules {
			rr := p.rules[id]
			switch {
			case rr == nil || rr.Status == finding.StatusNotApplicable:
			case rr.Status == finding.StatusPass:
				ok++
			default:
				fmt.Fprintf(p.w, "             %s %s  %s\n", p.paint(statusColor[rr.Status], ruleMark(rr.Status)), rr.Rule.ID, p.ruleDetail(rr))
			}
		}
		if ok > 0 {
			fmt.Fprintf(p.w, "             %s\n", p.paint(ansiDim, "✓ "+plural(ok, "other rule")+" passed"))
		}
	}
	if len(passed) > 0 {
		fmt.Fprintf(p.w, "  %s %s\n", p.status(finding.StatusPass), strings.Join(passed, ", "))
	}
	if len(notApplicable) > 0 {
		fmt.Fprintf(p.w, "  %s %s\n", p.status(finding.StatusNotApplicable), p.paint(ansiDim, strings.Join(notApplicable, ", ")+" (no resource of their rules' types)"))
	}
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
		n    int
		word string
		kind finding.Kind
	}{{rr.Failed, "failed", finding.KindDeny}, {rr.Warned, "warned", finding.KindWarn}, {rr.Unknown, "unknown", finding.KindUnknown}} {
		if k.n == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%d %s: %s", k.n, k.word, p.resources(rr.Rule.ID, k.kind)))
	}
	return fmt.Sprintf("%d checked; %s", rr.Checked, strings.Join(parts, "; "))
}

// resources lists the distinct resources with findings of a kind.
func (p *tablePrinter) resources(ruleID string, kind finding.Kind) string {
	var names []string
	seen := map[string]bool{}
	for _, f := range p.byRule[ruleID] {
		if f.Kind != kind {
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

// unmapped prints rules without a control mapping (custom policies).
func (p *tablePrinter) unmapped() {
	first := true
	for i := range p.res.Rules {
		rr := &p.res.Rules[i]
		if len(rr.Rule.Controls) > 0 {
			continue
		}
		if first {
			fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Rules without a control mapping"))
			first = false
		}
		fmt.Fprintf(p.w, "  %s %s  %s\n", p.status(rr.Status), rr.Rule.ID, p.ruleDetail(rr))
	}
}

// findings prints every finding once, grouped by rule, with the rule's
// remediation.
func (p *tablePrinter) findings() {
	if len(p.res.Findings) == 0 {
		return
	}
	fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Findings"))
	for i := range p.res.Rules {
		rr := &p.res.Rules[i]
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
				fmt.Fprintf(p.w, "  %s%s%s\n", rr.Rule.ID, sev, title)
				first = false
			}
			fmt.Fprintf(p.w, "    %s %s %s\n", p.paint(statusColor[kindStatus[f.Kind]], kindMark(f.Kind)), where(f), f.Message)
		}
		if !first && rr.Rule.Remediation != "" {
			fmt.Fprintf(p.w, "    %s %s\n", p.paint(ansiDim, "fix:"), rr.Rule.Remediation)
		}
	}
}

func kindMark(k finding.Kind) string { return ruleMark(kindStatus[k]) }

// where renders the resource and its place: "aws_s3_bucket.b (plan.json)"
// or "ns/Pod/x (pod.yaml:12)".
func where(f finding.Finding) string {
	loc := f.File
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	if f.Resource == "" {
		return loc + ":"
	}
	return fmt.Sprintf("%s (%s):", f.Resource, loc)
}

func (p *tablePrinter) errors() {
	if len(p.res.Errors) == 0 {
		return
	}
	fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Inputs not evaluated"))
	for _, e := range p.res.Errors {
		fmt.Fprintf(p.w, "  %s %s\n", p.paint(ansiRed, "ERROR"), e.Message)
	}
}

func (p *tablePrinter) summary() {
	s := p.res.Summary
	verdict := p.paint(ansiGreen, "PASS")
	switch {
	case s.Failed:
		verdict = p.paint(ansiRed, "FAIL")
	case s.Errors > 0:
		verdict = p.paint(ansiYellow, "INCOMPLETE")
	}
	fmt.Fprintf(p.w, "\n%s: %s, %s, %d unknown until apply, %s\n", verdict,
		plural(s.Deny, "failure"), plural(s.Warn, "warning"), s.Unknown, plural(s.Errors, "input error"))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

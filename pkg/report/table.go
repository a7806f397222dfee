package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

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
	p := tablePrinter{w: bw, color: t.Color, res: res}
	p.header()
	for _, fw := range res.Frameworks {
		p.framework(fw)
	}
	p.unmapped()
	p.errors()
	p.summary()
	return bw.Flush()
}

type tablePrinter struct {
	w     *bufio.Writer
	color bool
	res   *finding.Result
}

func (p *tablePrinter) paint(code, s string) string {
	if !p.color || code == "" {
		return s
	}
	return code + s + ansiReset
}

func (p *tablePrinter) status(s finding.Status) string {
	return p.paint(statusColor[s], fmt.Sprintf("%-7s", statusLabel[s]))
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
	fmt.Fprintf(p.w, "%s %s · %d inputs · %d resources · %d rules · bundles: %s\n",
		p.res.Tool.Name, p.res.Tool.Version, p.res.Summary.Inputs, p.res.Summary.Resources,
		p.res.Summary.Rules, strings.Join(bundles, ", "))
}

func (p *tablePrinter) framework(fw finding.Framework) {
	var counts []string
	for _, s := range []finding.Status{finding.StatusFail, finding.StatusWarn, finding.StatusUnknown, finding.StatusPass, finding.StatusNotApplicable} {
		if n := fw.Counts[s]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, strings.ToLower(statusLabel[s])))
		}
	}
	fmt.Fprintf(p.w, "\n%s (%s): %d controls · %s\n", p.paint(ansiBold, fw.Title), fw.ID, len(fw.Controls), strings.Join(counts, " · "))
	for _, c := range fw.Controls {
		title := c.Title
		if title != "" {
			title = "  " + title
		}
		fmt.Fprintf(p.w, "  %s %s%s\n", p.status(c.Status), c.ID, p.paint(ansiDim, title))
		for _, id := range c.Rules {
			p.rule(id, "            ")
		}
	}
}

// rule prints one rule under a control, and its failing resources when it
// did not pass.
func (p *tablePrinter) rule(id, indent string) {
	rr := p.ruleResult(id)
	if rr == nil {
		return
	}
	var detail string
	switch rr.Status {
	case finding.StatusNotApplicable:
		detail = "no resource of its types"
	default:
		detail = fmt.Sprintf("%d checked, %d passed", rr.Checked, rr.Passed)
		if rr.Failed > 0 {
			detail += fmt.Sprintf(", %d failed", rr.Failed)
		}
		if rr.Warned > 0 {
			detail += fmt.Sprintf(", %d warned", rr.Warned)
		}
		if rr.Unknown > 0 {
			detail += fmt.Sprintf(", %d unknown", rr.Unknown)
		}
	}
	sev := ""
	if rr.Rule.Severity != "" {
		sev = " [" + string(rr.Rule.Severity) + "]"
	}
	fmt.Fprintf(p.w, "%s%s%s %s %s\n", indent, rr.Rule.ID, sev, rr.Rule.Title, p.paint(ansiDim, "("+detail+")"))
	if rr.Status == finding.StatusPass || rr.Status == finding.StatusNotApplicable {
		return
	}
	for _, f := range p.res.Findings {
		if f.RuleID != id {
			continue
		}
		fmt.Fprintf(p.w, "%s  %s %s %s\n", indent, p.paint(statusColor[kindStatus[f.Kind]], kindMark(f.Kind)), where(f), f.Message)
	}
}

func kindMark(k finding.Kind) string {
	switch k {
	case finding.KindDeny:
		return "✗"
	case finding.KindWarn:
		return "!"
	}
	return "?"
}

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

func (p *tablePrinter) ruleResult(id string) *finding.RuleResult {
	for i := range p.res.Rules {
		if p.res.Rules[i].Rule.ID == id {
			return &p.res.Rules[i]
		}
	}
	return nil
}

// unmapped prints rules without a control mapping (custom policies) that
// produced findings.
func (p *tablePrinter) unmapped() {
	first := true
	for _, rr := range p.res.Rules {
		if len(rr.Rule.Controls) > 0 || rr.Status == finding.StatusPass || rr.Status == finding.StatusNotApplicable {
			continue
		}
		if first {
			fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Rules without a control mapping"))
			first = false
		}
		fmt.Fprintf(p.w, "  %s ", p.status(rr.Status))
		p.rule(rr.Rule.ID, "")
	}
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
	if s.Failed {
		verdict = p.paint(ansiRed, "FAIL")
	}
	fmt.Fprintf(p.w, "\n%s: %d failures, %d warnings, %d unknown until apply, %d input errors\n", verdict, s.Deny, s.Warn, s.Unknown, s.Errors)
}

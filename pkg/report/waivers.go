package report

import (
	"fmt"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Warnings returns one line for each waiver that every run must report,
// whatever its output formats: a broad waiver (in force or not) and a
// refused one. The CLI prints them on standard error.
func Warnings(res *finding.Result) []string {
	var out []string
	for _, u := range res.Waivers {
		if u.Broad || u.State == finding.WaiverRefused {
			label, text := waiverLine(u)
			out = append(out, strings.ToLower(label)+" waiver "+text)
		}
	}
	return out
}

// listed tells whether the Waivers section of a report shows a waiver:
// every one that did not simply apply, and every broad one.
func listed(u finding.WaiverUse) bool { return u.State != finding.WaiverActive || u.Broad }

// broadInForce counts the broad waivers that cover findings.
func broadInForce(uses []finding.WaiverUse) int {
	n := 0
	for _, u := range uses {
		if u.Broad && u.State == finding.WaiverActive {
			n++
		}
	}
	return n
}

// waiverLine says in one line what became of a waiver: a label (its state
// in capitals, BROAD for a broad waiver in force) and what it covers,
// where it is written and what happened.
func waiverLine(u finding.WaiverUse) (label, text string) {
	w := u.Waiver
	what := w.Rule
	if w.Resource != "" {
		what += " on " + w.Resource
	}
	label = strings.ToUpper(string(u.State))
	var detail string
	switch u.State {
	case finding.WaiverActive:
		label = "BROAD"
		detail = fmt.Sprintf("in force, %s waived; %s", plural(u.Matched, "finding"), u.Note)
	case finding.WaiverExpired:
		detail = fmt.Sprintf("expired %s, no longer applies (%s)", w.Expires, plural(u.Matched, "finding"))
	case finding.WaiverRefused:
		detail = fmt.Sprintf("not applied, %s (it would have covered %s)", u.Note, plural(u.Matched, "finding"))
	default:
		detail = "matched nothing"
	}
	if u.Broad && u.State != finding.WaiverActive && u.State != finding.WaiverRefused {
		detail += "; broad: " + u.Note
	}
	return label, fmt.Sprintf("%s (%s): %s", what, w.Source, detail)
}

// waivers lists the waivers that did not simply apply (expired, stale,
// refused) and the broad ones.
func (p *tablePrinter) waivers() {
	first := true
	for _, u := range p.res.Waivers {
		if !listed(u) {
			continue
		}
		if first {
			fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, "Waivers"))
			first = false
		}
		label, text := waiverLine(u)
		color := ansiYellow
		if label == "BROAD" || label == "REFUSED" {
			color = ansiRed
		}
		p.wrapped(fmt.Sprintf("  %s ", p.paint(color, fmt.Sprintf("%-8s", label))), text, "           ")
	}
}

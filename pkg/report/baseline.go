package report

import (
	"fmt"
	"io"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// baselineLine is "N new, M existing, K resolved since baseline PATH".
func baselineLine(b *finding.Baseline) string {
	return fmt.Sprintf("%d new, %d existing, %d resolved since baseline %s", b.New, b.Existing, len(b.Resolved), b.Path)
}

// baseline prints the comparison with the baseline under the verdict.
func (p *tablePrinter) baseline() {
	if b := p.res.Baseline; b != nil {
		fmt.Fprintln(p.w, baselineLine(b))
	}
}

// resolved lists the baseline's findings that are gone.
func (p *tablePrinter) resolved() {
	b := p.res.Baseline
	if b == nil || len(b.Resolved) == 0 {
		return
	}
	fmt.Fprintf(p.w, "\n%s\n", p.paint(ansiBold, fmt.Sprintf("Resolved since the baseline (%d)", len(b.Resolved))))
	for _, f := range b.Resolved {
		p.wrapped("  ", fmt.Sprintf("%s %s: %s", f.RuleID, f.Place(), f.Message), "    ")
	}
}

// mdBaseline writes the comparison with the baseline, resolved findings
// folded.
func mdBaseline(w io.Writer, res *finding.Result) {
	b := res.Baseline
	if b == nil {
		return
	}
	fmt.Fprintf(w, "%s.\n\n", baselineLine(b))
	if len(b.Resolved) == 0 {
		return
	}
	fmt.Fprintf(w, "<details><summary>Resolved since the baseline (%d)</summary>\n\n| rule | resource | message |\n|---|---|---|\n", len(b.Resolved))
	for i, f := range b.Resolved {
		if i == mdMaxListed {
			fmt.Fprintf(w, "| … | and %d more | |\n", len(b.Resolved)-mdMaxListed)
			break
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", f.RuleID, mdCell(f.Place()), mdCell(f.Message))
	}
	fmt.Fprint(w, "\n</details>\n\n")
}

package report

import (
	"fmt"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// overview prints one line per framework: coverage and control counts.
// Columns are padded by hand, as tabwriter would count color codes.
func (p *tablePrinter) overview() {
	if len(p.res.Frameworks) == 0 {
		return
	}
	idWidth := len("FRAMEWORK")
	for _, fw := range p.res.Frameworks {
		idWidth = max(idWidth, len(fw.ID))
	}
	fmt.Fprintf(p.w, "\n%-*s  %8s  %8s  %4s  %4s  %7s  %6s  %4s  %4s  %11s\n", idWidth, "FRAMEWORK", "CONTROLS", "COVERED",
		"FAIL", "WARN", "UNKNOWN", "WAIVED", "PASS", "N/A", "NOT COVERED")
	cellWidth := []int{4, 4, 7, 6, 4, 4, 11}
	partial := false
	var idle []string
	for _, fw := range p.res.Frameworks {
		// A framework none of whose rules had anything to check in these
		// inputs (all 12 for a Kubernetes-only run) says nothing row by
		// row: such frameworks share one line, unless chosen with
		// --framework.
		if !p.controls && idleFramework(fw) {
			idle = append(idle, fw.ID)
			continue
		}
		cov := fmt.Sprintf("%.1f%%", fw.Coverage)
		if fw.Partial {
			cov += "*"
			partial = true
		}
		line := fmt.Sprintf("%-*s  %8d  %8s", idWidth, fw.ID, len(fw.Controls), cov)
		for i, st := range finding.Statuses {
			cell := fmt.Sprintf("%*s", cellWidth[i], "-")
			if n := fw.Counts[st]; n > 0 {
				cell = fmt.Sprintf("%*d", cellWidth[i], n)
				if i < 3 {
					cell = p.paint(statusColor[st], cell)
				}
			}
			line += "  " + cell
		}
		fmt.Fprintln(p.w, line)
	}
	if len(idle) > 0 {
		p.wrapped("", fmt.Sprintf("%s with nothing to check in these inputs: %s", plural(len(idle), "framework"), strings.Join(idle, ", ")), "  ")
	}
	if partial {
		fmt.Fprintln(p.w, p.paint(ansiDim, "* the catalog lists only the controls that rules map to"))
	}
}

// idleFramework tells whether no control of fw was judged: every one is
// not applicable or not covered.
func idleFramework(fw finding.Framework) bool {
	return fw.Counts[finding.StatusNotApplicable]+fw.Counts[finding.StatusNotCovered] == len(fw.Controls)
}

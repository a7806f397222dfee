package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// htmlTrend is an inline SVG line chart of one framework's control counts
// by status over runs, oldest to newest, the current run last.
type htmlTrend struct {
	Width, Height int
	Left, Right   int // plot area, x
	Top, Bottom   int // plot area, y
	Label         string
	Ticks         []trendTick
	Runs          []trendRun
	Lines         []trendLine
}

type trendTick struct {
	Y     int
	Value int
}

type trendRun struct {
	X     int
	Label string
	Title string
}

type trendLine struct {
	Status finding.Status
	Points string // the polyline's points attribute
	Dots   []trendDot
	LabelY int    // where the end label sits, moved apart from the others
	Label  string // "FAIL 3"
}

type trendDot struct {
	X, Y  int
	Title string
}

// trendStatuses are the statuses a trend draws; not_covered is left out
// because it dwarfs the others in large catalogs and moves only with rules.
var trendStatuses = []finding.Status{finding.StatusFail, finding.StatusWarn, finding.StatusUnknown, finding.StatusWaived, finding.StatusPass, finding.StatusNotApplicable}

const (
	trendWidth  = 420
	trendHeight = 150
	trendLeft   = 30
	trendRight  = 320
	trendTop    = 8
	trendBottom = 124
	// trendGap is the least vertical distance between two end labels.
	trendGap = 11
)

// trendChart draws framework fw over runs; it returns nil when no run has
// a control of fw with a drawn status.
func trendChart(fw string, runs []RunSummary) *htmlTrend {
	hi := 0
	var drawn []finding.Status
	for _, s := range trendStatuses {
		used := false
		for _, r := range runs {
			if n := r.Frameworks[fw][s]; n > 0 {
				used = true
				hi = max(hi, n)
			}
		}
		if used {
			drawn = append(drawn, s)
		}
	}
	if len(drawn) == 0 {
		return nil
	}
	top := niceCeil(hi)
	t := &htmlTrend{Width: trendWidth, Height: trendHeight, Left: trendLeft, Right: trendRight, Top: trendTop, Bottom: trendBottom}
	x := func(i int) int {
		if len(runs) == 1 {
			return (trendLeft + trendRight) / 2
		}
		return trendLeft + i*(trendRight-trendLeft)/(len(runs)-1)
	}
	y := func(n int) int { return trendBottom - n*(trendBottom-trendTop)/top }
	for _, v := range []int{0, top / 2, top} {
		t.Ticks = append(t.Ticks, trendTick{Y: y(v), Value: v})
	}
	// Label at most four runs so that dates do not overlap, and none
	// just before the current run, which is always labelled.
	every := (len(runs) + 3) / 4
	for i, r := range runs {
		label, title := r.Time.UTC().Format("2006-01-02"), r.Time.UTC().Format("2006-01-02 15:04 UTC")
		if r.Time.IsZero() {
			label, title = "?", "unknown time"
		}
		if i == len(runs)-1 {
			label, title = "this run", "this run, "+title
		} else if i%every != 0 || len(runs)-1-i < every {
			label = ""
		}
		t.Runs = append(t.Runs, trendRun{X: x(i), Label: label, Title: title})
	}
	var summary []string
	for _, s := range drawn {
		l := trendLine{Status: s}
		var pts []string
		for i, r := range runs {
			n := r.Frameworks[fw][s]
			pts = append(pts, fmt.Sprintf("%d,%d", x(i), y(n)))
			l.Dots = append(l.Dots, trendDot{X: x(i), Y: y(n), Title: fmt.Sprintf("%s: %d %s", t.Runs[i].Title, n, statusLabel[s])})
		}
		last := runs[len(runs)-1].Frameworks[fw][s]
		l.Points, l.LabelY, l.Label = strings.Join(pts, " "), y(last)+4, fmt.Sprintf("%s %d", statusLabel[s], last)
		t.Lines = append(t.Lines, l)
		first := runs[0].Frameworks[fw][s]
		summary = append(summary, fmt.Sprintf("%s %d to %d", strings.ToLower(statusLabel[s]), first, last))
	}
	spreadLabels(t.Lines)
	t.Label = fmt.Sprintf("Controls by status over %d runs: %s.", len(runs), strings.Join(summary, ", "))
	return t
}

// spreadLabels moves end labels apart so that equal or close counts stay
// readable; lines keep their order from top to bottom.
func spreadLabels(lines []trendLine) {
	idx := make([]int, len(lines))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return lines[idx[a]].LabelY < lines[idx[b]].LabelY })
	for k := 1; k < len(idx); k++ {
		prev, cur := &lines[idx[k-1]], &lines[idx[k]]
		if cur.LabelY-prev.LabelY < trendGap {
			cur.LabelY = prev.LabelY + trendGap
		}
	}
}

// niceCeil rounds n up to a round, even axis maximum (2, 4, 6, 8, 10, 20,
// 40, ...), so that the middle tick is a whole number too.
func niceCeil(n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 4, 6, 8} {
			if m*p >= n && (m*p)%2 == 0 {
				return m * p
			}
		}
	}
}

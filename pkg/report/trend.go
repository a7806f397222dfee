package report

import (
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// RunSummary is one earlier run as trend charts need it: when it ran and,
// per framework id, how many controls had each status.
type RunSummary struct {
	Time       time.Time                         `json:"time"`
	Frameworks map[string]map[finding.Status]int `json:"frameworks"`
}

// Summarize reduces a result to its RunSummary.
func Summarize(t time.Time, res *finding.Result) RunSummary {
	s := RunSummary{Time: t, Frameworks: map[string]map[finding.Status]int{}}
	for _, fw := range res.Frameworks {
		counts := map[finding.Status]int{}
		for st, n := range fw.Counts {
			counts[st] = n
		}
		s.Frameworks[fw.ID] = counts
	}
	return s
}

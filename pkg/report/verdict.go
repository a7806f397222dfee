package report

import (
	"fmt"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// The verdicts that reports for people lead with.
const (
	verdictPass         = "PASS"
	verdictFail         = "FAIL"
	verdictIncomplete   = "INCOMPLETE"
	verdictNotEvaluated = "NOT EVALUATED"
)

// verdict is the one word a report leads with: FAIL when the run fails the
// gate, INCOMPLETE when inputs could not be read or evaluated, NOT
// EVALUATED when no rule checked any input (a pass would claim checks that
// never ran): inputs were read but none was checked, or there was none, as
// in a shard (--shard) that no input hashed to; PASS otherwise.
func verdict(s finding.Summary) string {
	switch {
	case s.Failed:
		return verdictFail
	case s.Errors > 0:
		return verdictIncomplete
	case s.NotEvaluated == s.Inputs:
		return verdictNotEvaluated
	}
	return verdictPass
}

// notEvaluatedCount is ", N input(s) not evaluated" for the counts line of
// a verdict, and empty when every input was evaluated.
func notEvaluatedCount(s finding.Summary) string {
	if s.NotEvaluated == 0 {
		return ""
	}
	return fmt.Sprintf(", %s not evaluated", plural(s.NotEvaluated, "input"))
}

// notEvaluated lists the inputs that were read but that no rule checked.
func notEvaluated(res *finding.Result) []finding.Input {
	var out []finding.Input
	for _, in := range res.Inputs {
		if in.Status == finding.InputNotEvaluated {
			out = append(out, in)
		}
	}
	return out
}

// offSentence names the rules that checked nothing in this run because a
// parameter they require is not set (finding.Rule.Off), with their
// parameters, for the people formats: not a pass, and readers must see
// them. It is "" when no rule is off.
func offSentence(res *finding.Result) string {
	var off []string
	for _, rr := range res.Rules {
		if rr.Rule.Off == "" {
			continue
		}
		name := rr.Rule.ID
		if len(rr.Rule.Requires) > 0 {
			name += " (" + strings.Join(rr.Rule.Requires, ", ") + ")"
		}
		off = append(off, name)
	}
	if len(off) == 0 {
		return ""
	}
	whose := "their parameter is"
	if len(off) == 1 {
		whose = "its parameter is"
	}
	return fmt.Sprintf("%s off, checking nothing until %s set with --data: %s", plural(len(off), "rule"), whose, strings.Join(off, ", "))
}

package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// GitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the files of a pull request (as conftest's github
// output does): one ::error per failure, ::warning per warning and ::notice
// per result unknown until apply, with the file, the line where known and
// the rule as title, worst first (GitHub shows a limited number a step);
// an ::error per input that could not be read and a ::warning per input no
// rule checks; then the verdict line. Waived findings are left out: they
// do not need a reviewer's eye.
type GitHub struct{}

var githubLevel = map[finding.Kind]string{
	finding.KindDeny:    "error",
	finding.KindWarn:    "warning",
	finding.KindUnknown: "notice",
}

// Write implements Reporter.
func (GitHub) Write(w io.Writer, res *finding.Result) error {
	bw := bufio.NewWriter(w)
	titles := map[string]string{}
	for _, rr := range res.Rules {
		titles[rr.Rule.ID] = rr.Rule.Title
	}
	var fs []finding.Finding
	for _, f := range res.Findings {
		if !f.Waived() {
			fs = append(fs, f)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return mdRank(fs[i]) < mdRank(fs[j]) })
	for _, f := range fs {
		title := f.RuleID
		if t := titles[f.RuleID]; t != "" && t != f.RuleID {
			title += " " + t
		}
		msg := f.Message
		if f.Resource != "" {
			msg = f.Resource + ": " + msg
		}
		githubCommand(bw, githubLevel[f.Kind], f.File, f.Line, title, msg)
	}
	for _, e := range res.Errors {
		githubCommand(bw, "error", e.Path, e.Line, "tenet: input not evaluated", e.Message)
	}
	for _, in := range notEvaluated(res) {
		githubCommand(bw, "warning", in.Path, 0, "tenet: input not evaluated", "no rule checked it: "+in.Reason)
	}
	s := res.Summary
	fmt.Fprintf(bw, "tenet %s: %s, %s, %d unknown until apply, %s%s\n", verdict(s),
		plural(s.Deny, "failure"), plural(s.Warn, "warning"), s.Unknown, plural(s.Errors, "input error"), notEvaluatedCount(s))
	return bw.Flush()
}

// githubCommand writes one workflow command, its properties and message
// escaped as the runner reads them: a message with a line break or a
// property with a comma must not end the command early or forge another.
func githubCommand(w io.Writer, level, file string, line int, title, msg string) {
	var props []string
	if file != "" && file != "-" {
		props = append(props, "file="+githubProperty(file))
		if line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
		}
	}
	props = append(props, "title="+githubProperty(title))
	fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), githubData(msg))
}

func githubData(s string) string { return githubDataEscaper.Replace(s) }

func githubProperty(s string) string { return githubPropertyEscaper.Replace(s) }

// The escapers are made once (a Replacer is safe for concurrent use): made
// for each call, they were most of the time the format took.
var (
	githubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

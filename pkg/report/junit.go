package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// JUnit writes JUnit XML for CI test reporters: one test suite per
// framework (and one "custom" suite for rules without a mapping), a test
// case per control and rule, split per resource when the rule found
// something. Deny findings are failures carrying the message and
// remediation; warnings pass with the warning as output; results unknown
// until apply and rules with nothing to check are skipped.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// Write implements Reporter.
func (JUnit) Write(w io.Writer, res *finding.Result) error {
	rules := map[string]*finding.RuleResult{}
	for i := range res.Rules {
		rules[res.Rules[i].Rule.ID] = &res.Rules[i]
	}
	byRule := map[string][]finding.Finding{}
	for _, f := range res.Findings {
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	out := junitSuites{Name: res.Tool.Name}
	for _, fw := range res.Frameworks {
		suite := junitSuite{Name: fw.ID}
		for _, c := range fw.Controls {
			for _, id := range c.Rules {
				if rr := rules[id]; rr != nil {
					suite.Cases = append(suite.Cases, junitCases(fw.ID+"."+c.ID, rr, byRule[id])...)
				}
			}
		}
		out.Suites = append(out.Suites, suite)
	}
	custom := junitSuite{Name: "custom"}
	for i := range res.Rules {
		if rr := &res.Rules[i]; len(rr.Rule.Controls) == 0 {
			custom.Cases = append(custom.Cases, junitCases("custom", rr, byRule[rr.Rule.ID])...)
		}
	}
	if len(custom.Cases) > 0 {
		out.Suites = append(out.Suites, custom)
	}
	for i := range out.Suites {
		s := &out.Suites[i]
		for _, c := range s.Cases {
			s.Tests++
			if c.Failure != nil {
				s.Failures++
			}
			if c.Skipped != nil {
				s.Skipped++
			}
		}
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitCases turns one rule under one control into test cases: one per
// resource with findings, or a single passing or skipped case.
func junitCases(class string, rr *finding.RuleResult, fs []finding.Finding) []junitCase {
	name := rr.Rule.ID
	if rr.Rule.Title != rr.Rule.ID {
		name += " " + rr.Rule.Title
	}
	switch {
	case len(fs) == 0 && rr.Status == finding.StatusNotApplicable:
		return []junitCase{{Name: name, Classname: class, Skipped: &junitMessage{Message: "no resource of the rule's types in the inputs"}}}
	case len(fs) == 0:
		return []junitCase{{Name: name, Classname: class, SystemOut: fmt.Sprintf("%d resources checked, none failed", rr.Checked)}}
	}
	sort.SliceStable(fs, func(i, j int) bool { return finding.Less(fs[i], fs[j]) })
	var out []junitCase
	for _, f := range fs {
		where := f.Resource
		if where == "" {
			where = f.File
		}
		c := junitCase{Name: name + ": " + where, Classname: class}
		text := fmt.Sprintf("%s\nfile: %s", f.Message, f.File)
		if f.Line > 0 {
			text += fmt.Sprintf(":%d", f.Line)
		}
		if rr.Rule.Remediation != "" {
			text += "\nremediation: " + rr.Rule.Remediation
		}
		switch f.Kind {
		case finding.KindDeny:
			c.Failure = &junitMessage{Message: f.Message, Type: string(rr.Rule.Severity), Text: text}
		case finding.KindWarn:
			c.SystemOut = "warning: " + text
		case finding.KindUnknown:
			c.Skipped = &junitMessage{Message: f.Message}
		}
		out = append(out, c)
	}
	return out
}

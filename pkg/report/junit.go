package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// JUnit writes JUnit XML for CI test reporters (GitLab, Jenkins, GitHub
// test-report actions). By default there is one test suite per framework
// (and one "custom" suite for rules without a mapping), a test case per
// control and rule, split per resource when the rule found something; with
// ByInput, one suite per input file and a test case per rule, split per
// resource. Deny findings are failures carrying the message and
// remediation; warnings pass with the warning as output; waived findings,
// results unknown until apply and rules with nothing to check are skipped.
// Inputs that could not be evaluated are test cases with an error, in an
// "inputs" suite.
type JUnit struct {
	ByInput bool
}

type junitSuites struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	// The common schema has no skipped count here: suites carry it.
	Skipped int          `xml:"-"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Properties *junitProperties `xml:"properties"`
	Cases      []junitCase      `xml:"testcase"`
}

// junitProperties name the tool and bundle versions in every suite, so
// that a test report says which policy version judged the inputs.
type junitProperties struct {
	Props []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// Write implements Reporter.
func (j JUnit) Write(w io.Writer, res *finding.Result) error {
	rules := map[string]*finding.RuleResult{}
	for i := range res.Rules {
		rules[res.Rules[i].Rule.ID] = &res.Rules[i]
	}
	byRule := map[string][]finding.Finding{}
	for _, f := range res.Findings {
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	out := junitSuites{Name: res.Tool.Name}
	if j.ByInput {
		out.Suites = junitInputSuites(res, byRule)
	} else {
		out.Suites = junitFrameworkSuites(res, rules, byRule)
	}
	if len(res.Errors) > 0 {
		suite := junitSuite{Name: "inputs"}
		for _, e := range res.Errors {
			suite.Cases = append(suite.Cases, junitCase{Name: "load " + e.Path, Classname: "inputs", Error: &junitMessage{Message: e.Message, Type: "input error"}})
		}
		out.Suites = append(out.Suites, suite)
	}
	props := &junitProperties{Props: []junitProperty{{Name: "tenet.version", Value: res.Tool.Version}}}
	for _, b := range res.Bundles {
		props.Props = append(props.Props, junitProperty{Name: "bundle." + b.Name, Value: b.Revision})
	}
	for i := range out.Suites {
		s := &out.Suites[i]
		s.Properties = props
		for _, c := range s.Cases {
			s.Tests++
			switch {
			case c.Failure != nil:
				s.Failures++
			case c.Error != nil:
				s.Errors++
			case c.Skipped != nil:
				s.Skipped++
			}
		}
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
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

// junitFrameworkSuites makes a suite per framework, a case per control and rule.
func junitFrameworkSuites(res *finding.Result, rules map[string]*finding.RuleResult, byRule map[string][]finding.Finding) []junitSuite {
	var out []junitSuite
	for _, fw := range res.Frameworks {
		suite := junitSuite{Name: fw.ID}
		for _, c := range fw.Controls {
			for _, id := range c.Rules {
				if rr := rules[id]; rr != nil {
					suite.Cases = append(suite.Cases, junitCases(fw.ID+"."+c.ID, rr, byRule[id])...)
				}
			}
		}
		out = append(out, suite)
	}
	custom := junitSuite{Name: "custom"}
	for i := range res.Rules {
		if rr := &res.Rules[i]; len(rr.Rule.Controls) == 0 {
			custom.Cases = append(custom.Cases, junitCases("custom", rr, byRule[rr.Rule.ID])...)
		}
	}
	if len(custom.Cases) > 0 {
		out = append(out, custom)
	}
	return out
}

// junitInputSuites makes a suite per input file, a case per rule that
// judged something in it (split per resource with findings).
func junitInputSuites(res *finding.Result, byRule map[string][]finding.Finding) []junitSuite {
	byFile := map[string]map[string][]finding.Finding{} // file -> rule -> findings
	for id, fs := range byRule {
		for _, f := range fs {
			if byFile[f.File] == nil {
				byFile[f.File] = map[string][]finding.Finding{}
			}
			byFile[f.File][id] = append(byFile[f.File][id], f)
		}
	}
	var out []junitSuite
	for _, in := range res.Inputs {
		suite := junitSuite{Name: in.Path}
		for i := range res.Rules {
			rr := &res.Rules[i]
			fs := byFile[in.Path][rr.Rule.ID]
			if len(fs) == 0 && in.Checked[rr.Rule.ID] == 0 {
				continue
			}
			one := *rr
			one.Checked = in.Checked[rr.Rule.ID]
			if len(fs) == 0 {
				one.Status = finding.StatusPass
			}
			suite.Cases = append(suite.Cases, junitCases(in.Path, &one, fs)...)
		}
		out = append(out, suite)
		delete(byFile, in.Path)
	}
	// Findings located in no input (conftest --combine reports in the file
	// "Combined") get a suite of their own, so that none is lost.
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		suite := junitSuite{Name: file}
		for i := range res.Rules {
			rr := &res.Rules[i]
			if fs := byFile[file][rr.Rule.ID]; len(fs) > 0 {
				suite.Cases = append(suite.Cases, junitCases(file, rr, fs)...)
			}
		}
		out = append(out, suite)
	}
	return out
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
		switch {
		case f.Waived():
			wv := f.Waiver
			c.Skipped = &junitMessage{Message: fmt.Sprintf("waived: %s (owner %s, ticket %s, expires %s; %s)", wv.Reason, orDash(wv.Owner), orDash(wv.Ticket), orDash(wv.Expires), wv.Source)}
			c.SystemOut = text
		case f.Kind == finding.KindDeny:
			c.Failure = &junitMessage{Message: f.Message, Type: string(rr.Rule.Severity), Text: text}
		case f.Kind == finding.KindWarn:
			c.SystemOut = "warning: " + text
		case f.Kind == finding.KindUnknown:
			c.Skipped = &junitMessage{Message: f.Message}
		}
		out = append(out, c)
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

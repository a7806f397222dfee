package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// JUnit writes JUnit XML for CI test reporters (GitLab, Jenkins, GitHub
// test-report actions), shaped as a person reads test results: by default
// one test suite per input file and one test case per rule that applied to
// it, failing when the rule denied any resource there, with every failing
// resource listed in the failure (up to maxJUnitResources). With
// ByControl, one suite per framework and a test case per control and rule
// (and a "custom" suite for rules without a mapping), for auditors who
// read by control.
//
// Names are unique per (classname, name), which GitLab requires (it keeps
// only the first of equal cases), and class names hold one dot, since
// Jenkins splits package from class at the last one. Warnings pass with the
// warning as output; a rule whose findings are all waived, or all unknown
// until apply, is skipped with the reason. Inputs that could not be
// evaluated are test cases with an error in an "inputs" suite; inputs that
// no rule checked are skipped test cases.
type JUnit struct {
	ByControl bool
}

// maxJUnitResources bounds the resources one test case lists: a rule that
// fails on 20,000 resources must not make a file over GitLab's 30 MB.
const maxJUnitResources = 200

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
	if j.ByControl {
		out.Suites = junitControlSuites(res, rules, byRule)
	} else {
		out.Suites = junitInputSuites(res, byRule)
	}
	unchecked := notEvaluated(res)
	if len(res.Errors) > 0 || j.ByControl && len(unchecked) > 0 {
		suite := junitSuite{Name: "inputs"}
		for _, e := range res.Errors {
			suite.Cases = append(suite.Cases, junitCase{Name: "load " + e.Path, Classname: "tenet.inputs", Error: &junitMessage{Message: e.Message, Type: "input error"}})
		}
		if j.ByControl {
			for _, in := range unchecked {
				suite.Cases = append(suite.Cases, notEvaluatedCase(in))
			}
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

// junitClass makes a class name of parts with a single dot between the
// first part and the rest, the dots inside parts written as "_": Jenkins
// reads "hipaa.164_312(a)(1)" as package hipaa, class 164_312(a)(1), not
// package "hipaa.164".
func junitClass(pkg string, class ...string) string {
	out := strings.ReplaceAll(pkg, ".", "_")
	if len(class) > 0 {
		out += "." + strings.ReplaceAll(strings.Join(class, "_"), ".", "_")
	}
	return out
}

// junitControlSuites makes a suite per framework, a case per control and
// rule.
func junitControlSuites(res *finding.Result, rules map[string]*finding.RuleResult, byRule map[string][]finding.Finding) []junitSuite {
	var out []junitSuite
	for _, fw := range res.Frameworks {
		suite := junitSuite{Name: fw.ID}
		for _, c := range fw.Controls {
			for _, id := range c.Rules {
				if rr := rules[id]; rr != nil {
					suite.Cases = append(suite.Cases, junitRuleCase(junitClass(fw.ID, c.ID), rr, byRule[id]))
				}
			}
		}
		out = append(out, suite)
	}
	custom := junitSuite{Name: "custom"}
	for i := range res.Rules {
		if rr := &res.Rules[i]; len(rr.Rule.Controls) == 0 {
			custom.Cases = append(custom.Cases, junitRuleCase(junitClass("custom", rr.Rule.Package), rr, byRule[rr.Rule.ID]))
		}
	}
	if len(custom.Cases) > 0 {
		out = append(out, custom)
	}
	return out
}

// junitInputSuites makes a suite per input file, a case per rule that
// judged something in it.
func junitInputSuites(res *finding.Result, byRule map[string][]finding.Finding) []junitSuite {
	byFile := map[string]map[string][]finding.Finding{} // input (or file) -> rule -> findings
	for id, fs := range byRule {
		for _, f := range fs {
			owner := inputOf(f.File, res.Inputs)
			if byFile[owner] == nil {
				byFile[owner] = map[string][]finding.Finding{}
			}
			byFile[owner][id] = append(byFile[owner][id], f)
		}
	}
	var out []junitSuite
	for _, in := range res.Inputs {
		suite := junitSuite{Name: in.Path}
		class := junitClass("tenet", in.Path)
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
			suite.Cases = append(suite.Cases, junitRuleCase(class, &one, fs))
		}
		if in.Status == finding.InputNotEvaluated {
			suite.Cases = append(suite.Cases, notEvaluatedCase(in))
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
				suite.Cases = append(suite.Cases, junitRuleCase(junitClass("tenet", file), rr, fs))
			}
		}
		out = append(out, suite)
	}
	return out
}

// notEvaluatedCase is the skipped test case of an input that no rule
// checked: a suite without it would read as an input that passed.
func notEvaluatedCase(in finding.Input) junitCase {
	return junitCase{Name: "check " + in.Path, Classname: junitClass("tenet", in.Path), Skipped: &junitMessage{Message: "not evaluated: " + in.Reason}}
}

// junitRuleCase is the test case of one rule (under one control or in one
// input): failed when it denied a resource that no waiver covers, listing
// every finding; skipped when it applied to nothing, or found only waived
// or unknown results; passed otherwise, warnings as output.
func junitRuleCase(class string, rr *finding.RuleResult, fs []finding.Finding) junitCase {
	name := rr.Rule.ID
	if rr.Rule.Title != rr.Rule.ID {
		name += " " + rr.Rule.Title
	}
	c := junitCase{Name: name, Classname: class}
	if len(fs) == 0 {
		switch {
		case rr.Rule.Off != "":
			c.Skipped = &junitMessage{Message: "rule off: " + rr.Rule.Off}
		case rr.Status == finding.StatusNotApplicable:
			c.Skipped = &junitMessage{Message: "no resource of the rule's types in the inputs"}
		default:
			c.SystemOut = fmt.Sprintf("%s checked, none failed", plural(rr.Checked, "resource"))
		}
		return c
	}
	fs = append([]finding.Finding(nil), fs...)
	finding.Sort(fs)
	count := map[string]int{}
	var lines []string
	for i, f := range fs {
		state := string(f.Kind)
		if f.Waived() {
			wv := f.Waiver
			state = fmt.Sprintf("waived (%s; owner %s, ticket %s, expires %s; %s)", wv.Reason, orDash(wv.Owner), orDash(wv.Ticket), orDash(wv.Expires), wv.Source)
			count["waived"]++
		} else {
			count[string(f.Kind)]++
		}
		if i < maxJUnitResources {
			lines = append(lines, fmt.Sprintf("%s %s: %s", state, f.Place(), f.Message))
		}
	}
	if n := len(fs) - maxJUnitResources; n > 0 {
		lines = append(lines, fmt.Sprintf("... and %d more findings (the json report lists them all)", n))
	}
	text := strings.Join(lines, "\n")
	if rr.Rule.Remediation != "" {
		text += "\nremediation: " + rr.Rule.Remediation
	}
	deny := count[string(finding.KindDeny)]
	switch {
	case deny > 0:
		msg := fmt.Sprintf("%s of %d checked failed", plural(deny, "finding"), rr.Checked)
		if deny == 1 {
			for _, f := range fs {
				if f.Kind == finding.KindDeny && !f.Waived() {
					msg = f.Message
				}
			}
		}
		c.Failure = &junitMessage{Message: msg, Type: string(rr.Rule.Severity), Text: text}
	case count[string(finding.KindWarn)] > 0:
		c.SystemOut = text
	case count[string(finding.KindUnknown)] > 0:
		c.Skipped = &junitMessage{Message: fmt.Sprintf("%s unknown until apply", plural(count[string(finding.KindUnknown)], "result"))}
		c.SystemOut = text
	default:
		c.Skipped = &junitMessage{Message: fmt.Sprintf("%s waived", plural(count["waived"], "finding"))}
		c.SystemOut = text
	}
	return c
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// inputOf is the input that a finding located in file belongs to: the
// input of that path, else the directory input (a Terraform
// configuration) that holds the file, the deepest if several do; file
// itself when no input does. Inputs not evaluated own no finding (a part
// of a configuration that was not evaluated is one, named by its file). A rule that failed in a module's file must
// not pass in the suite of its directory.
func inputOf(file string, inputs []finding.Input) string {
	owner := ""
	for _, in := range inputs {
		if in.Status == finding.InputNotEvaluated {
			continue // no finding comes from it, even when it names the file
		}
		if in.Path == file {
			return file
		}
		if dir := strings.TrimSuffix(in.Path, "/") + "/"; strings.HasPrefix(file, dir) && len(in.Path) > len(owner) {
			owner = in.Path
		}
	}
	if owner == "" {
		return file
	}
	return owner
}

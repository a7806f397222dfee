package report

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// HTML writes one self-contained page for people who read a report in a
// browser or print it for an audit: the verdict, a card per framework with
// its coverage and control statuses (and a trend chart when History is
// given), every control with the evidence behind its status, the findings
// grouped by severity and rule with each rule's remediation once, the
// waivers and the inputs that could not be loaded. The page has no external
// assets; its small script adds filters and is not needed to read it. The
// layout may change between versions; scripts should read the json format.
type HTML struct {
	// History holds earlier runs, oldest first, drawn with the current run
	// as a trend chart per framework.
	History []RunSummary
	// Timestamp is the time the page shows; zero leaves it out.
	Timestamp time.Time
}

//go:embed html
var htmlFiles embed.FS

// htmlTemplate is parsed once; it is immutable after that.
var htmlTemplate = template.Must(template.New("report.tmpl").Funcs(template.FuncMap{
	"label": func(s finding.Status) string { return statusLabel[s] },
	"pct":   func(f float64) string { return fmt.Sprintf("%.4g%%", f) },
	"add":   func(a, b int) int { return a + b },
	// class makes a CSS class name of a verdict ("NOT EVALUATED").
	"class": func(s string) string { return strings.ReplaceAll(s, " ", "-") },
	// failing tells whether a rule's status calls for its remediation.
	"failing": func(s finding.Status) bool { return s.Worse(finding.StatusPass) },
}).ParseFS(htmlFiles, "html/report.tmpl"))

// maxHTMLEvidence bounds the resources listed under one rule of one
// control; the rest are one click away in the rule's findings.
const maxHTMLEvidence = 10

// Write implements Reporter.
func (h HTML) Write(w io.Writer, res *finding.Result) error {
	page, err := h.page(res)
	if err != nil {
		return err
	}
	if err := prerender(page); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(bw, page); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return bw.Flush()
}

type htmlPage struct {
	Tool        finding.Tool
	Time        string
	Verdict     string
	Summary     finding.Summary
	Inputs      []finding.Input
	Bundles     []finding.Bundle
	Frameworks  []htmlFramework
	Severities  []htmlSeverity
	Quiet       []*htmlRule // rules without findings
	FindingTabs []htmlCount
	Errors      []finding.InputError
	// NotEvaluated are the inputs that no rule checked.
	NotEvaluated []finding.Input
	// Off says which rules checked nothing, their parameter unset.
	Off     string
	Waivers []finding.WaiverUse
	Broad   int // broad waivers in force, said beside the verdict
	CSS     template.CSS
	JS      template.JS
}

type htmlCount struct {
	Status finding.Status
	N      int
	Share  float64 // percent of the framework's controls
}

type htmlFramework struct {
	ID, Anchor, Title string
	Total, Covered    int
	Coverage          float64
	Partial           bool
	Counts            []htmlCount
	Controls          []htmlControl
	Trend             *htmlTrend
}

type htmlControl struct {
	Anchor, ID, Title string
	Status            finding.Status
	Rules             int
	Checked, Failed   int
	Evidence          []htmlEvidence
	// Idle are the rules with nothing to check in the inputs, listed by
	// id only: in large catalogs they are most of the evidence.
	Idle []*htmlRule
	// HTML is the control rendered (prerender).
	HTML template.HTML
}

type htmlEvidence struct {
	Rule    *htmlRule
	Status  finding.Status
	Checked int
	Locs    []htmlLoc
	More    int
}

type htmlLoc struct {
	Status   finding.Status
	Resource string
	Where    string
	Href     string
	Waiver   *finding.Waiver
}

type htmlRule struct {
	finding.RuleResult
	Anchor   string
	Controls []htmlLink
	Findings []htmlFinding
	// HTML is the rule and its findings rendered (prerender).
	HTML template.HTML
}

type htmlLink struct{ Text, Href string }

type htmlFinding struct {
	finding.Finding
	Anchor string
	Status finding.Status
	Where  string
}

type htmlSeverity struct {
	Name, Class, Anchor string
	Rules               []*htmlRule
	N                   int
}

// page builds the view the template renders: everything sorted, every
// anchor derived from ids, so the same result gives the same bytes.
func (h HTML) page(res *finding.Result) (*htmlPage, error) {
	css, err := htmlFiles.ReadFile("html/style.css")
	if err != nil {
		return nil, fmt.Errorf("html report: %w", err)
	}
	js, err := htmlFiles.ReadFile("html/script.js")
	if err != nil {
		return nil, fmt.Errorf("html report: %w", err)
	}
	p := &htmlPage{Tool: res.Tool, Summary: res.Summary, Inputs: res.Inputs, Bundles: res.Bundles, Errors: res.Errors, Waivers: res.Waivers,
		Broad: broadInForce(res.Waivers),
		CSS:   template.CSS(css), JS: template.JS(js), Verdict: verdict(res.Summary), NotEvaluated: notEvaluated(res),
		Off: offSentence(res)}
	if !h.Timestamp.IsZero() {
		p.Time = h.Timestamp.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	rules, locIndex := htmlRules(res)
	for _, fw := range res.Frameworks {
		p.Frameworks = append(p.Frameworks, htmlFrameworkView(fw, rules, locIndex))
		for _, c := range fw.Controls {
			for _, r := range c.Rules {
				if hr := rules[r]; hr != nil {
					hr.Controls = append(hr.Controls, htmlLink{Text: fw.ID + " " + c.ID, Href: "#" + controlAnchor(fw.ID, c.ID)})
				}
			}
		}
	}
	p.Severities, p.Quiet = htmlGroups(res, rules)
	counts := map[finding.Status]int{}
	for _, f := range res.Findings {
		counts[findingStatus(f)]++
	}
	for _, s := range []finding.Status{finding.StatusFail, finding.StatusWarn, finding.StatusUnknown, finding.StatusWaived} {
		p.FindingTabs = append(p.FindingTabs, htmlCount{Status: s, N: counts[s]})
	}
	if len(h.History) > 0 {
		runs := append(append([]RunSummary(nil), h.History...), Summarize(h.Timestamp, res))
		for i := range p.Frameworks {
			p.Frameworks[i].Trend = trendChart(p.Frameworks[i].ID, runs)
		}
	}
	return p, nil
}

// htmlRules indexes the rules by id with their findings, and maps each
// finding's location (as control evidence names it) to the finding's
// anchor, so that evidence links to the row that explains it.
func htmlRules(res *finding.Result) (map[string]*htmlRule, map[string]*htmlFinding) {
	rules := map[string]*htmlRule{}
	for _, rr := range res.Rules {
		rules[rr.Rule.ID] = &htmlRule{RuleResult: rr, Anchor: "rule-" + anchorID(rr.Rule.ID)}
	}
	seen := map[string]int{}
	for _, f := range res.Findings {
		hr := rules[f.RuleID]
		if hr == nil {
			// A finding of a rule the result does not list: keep it visible.
			hr = &htmlRule{RuleResult: finding.RuleResult{Rule: finding.Rule{ID: f.RuleID, Title: f.RuleID}}, Anchor: "rule-" + anchorID(f.RuleID)}
			rules[f.RuleID] = hr
		}
		anchor := "f-" + f.Fingerprint
		if f.Fingerprint == "" {
			anchor = "f-" + finding.Fingerprint(f, f.File)
		}
		seen[anchor]++
		if n := seen[anchor]; n > 1 {
			anchor = fmt.Sprintf("%s-%d", anchor, n)
		}
		hr.Findings = append(hr.Findings, htmlFinding{Finding: f, Anchor: anchor, Status: findingStatus(f), Where: fileLine(f.File, f.Line)})
	}
	locs := map[string]*htmlFinding{}
	for _, hr := range rules {
		for i := range hr.Findings {
			f := &hr.Findings[i]
			key := locKey(f.RuleID, finding.Location{Kind: f.Kind, Resource: f.Resource, File: f.File, Line: f.Line, Waived: f.Waived()})
			if locs[key] == nil {
				locs[key] = f
			}
		}
	}
	return rules, locs
}

func locKey(rule string, l finding.Location) string {
	return fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%d\x00%t", rule, l.Kind, l.Resource, l.File, l.Line, l.Waived)
}

func htmlFrameworkView(fw finding.Framework, rules map[string]*htmlRule, locs map[string]*htmlFinding) htmlFramework {
	v := htmlFramework{ID: fw.ID, Anchor: "fw-" + anchorID(fw.ID), Title: fw.Title, Total: len(fw.Controls), Covered: fw.Covered, Coverage: fw.Coverage, Partial: fw.Partial}
	for _, s := range finding.Statuses {
		c := htmlCount{Status: s, N: fw.Counts[s]}
		if v.Total > 0 {
			c.Share = 100 * float64(c.N) / float64(v.Total)
		}
		v.Counts = append(v.Counts, c)
	}
	for _, c := range fw.Controls {
		hc := htmlControl{Anchor: controlAnchor(fw.ID, c.ID), ID: c.ID, Title: c.Title, Status: c.Status, Rules: len(c.Rules), Checked: c.Checked, Failed: c.Failed}
		for _, e := range c.Evidence {
			hr := rules[e.Rule]
			if hr == nil {
				hr = &htmlRule{RuleResult: finding.RuleResult{Rule: finding.Rule{ID: e.Rule, Title: e.Rule}}, Anchor: "rule-" + anchorID(e.Rule)}
			}
			if e.Status == finding.StatusNotApplicable && len(e.Findings) == 0 {
				hc.Idle = append(hc.Idle, hr)
				continue
			}
			he := htmlEvidence{Rule: hr, Status: e.Status, Checked: e.Checked}
			for _, l := range e.Findings {
				if len(he.Locs) == maxHTMLEvidence {
					he.More++
					continue
				}
				hl := htmlLoc{Status: kindStatus[l.Kind], Resource: l.Resource, Where: fileLine(l.File, l.Line)}
				if l.Waived {
					hl.Status = finding.StatusWaived
				}
				if f := locs[locKey(e.Rule, l)]; f != nil {
					hl.Href = "#" + f.Anchor
					hl.Waiver = f.Waiver
				}
				he.Locs = append(he.Locs, hl)
			}
			hc.Evidence = append(hc.Evidence, he)
		}
		v.Controls = append(v.Controls, hc)
	}
	return v
}

// htmlGroups orders the rules with findings by severity (critical first),
// then by status and id; the rules without findings follow in id order.
func htmlGroups(res *finding.Result, rules map[string]*htmlRule) ([]htmlSeverity, []*htmlRule) {
	var noisy, quiet []*htmlRule
	for _, hr := range rules {
		if len(hr.Findings) > 0 {
			noisy = append(noisy, hr)
		} else {
			quiet = append(quiet, hr)
		}
	}
	sort.Slice(noisy, func(i, j int) bool {
		a, b := noisy[i], noisy[j]
		if ra, rb := a.Rule.Severity.Rank(), b.Rule.Severity.Rank(); ra != rb {
			return ra > rb
		}
		if a.Status != b.Status {
			return a.Status.Worse(b.Status)
		}
		return a.Rule.ID < b.Rule.ID
	})
	sort.Slice(quiet, func(i, j int) bool { return quiet[i].Rule.ID < quiet[j].Rule.ID })
	var groups []htmlSeverity
	for _, hr := range noisy {
		name, class := string(hr.Rule.Severity), string(hr.Rule.Severity)
		if name == "" {
			name, class = "no severity", "none"
		}
		if len(groups) == 0 || groups[len(groups)-1].Name != name {
			groups = append(groups, htmlSeverity{Name: name, Class: class, Anchor: "severity-" + class})
		}
		g := &groups[len(groups)-1]
		g.Rules = append(g.Rules, hr)
		g.N += len(hr.Findings)
	}
	return groups, quiet
}

func findingStatus(f finding.Finding) finding.Status {
	if f.Waived() {
		return finding.StatusWaived
	}
	return kindStatus[f.Kind]
}

func fileLine(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

func controlAnchor(fw, id string) string { return "c-" + anchorID(fw) + "-" + anchorID(id) }

// anchorID turns an id into a fragment-safe one without collisions:
// letters, digits, '-' and '.' stay, every other byte becomes _hh.
func anchorID(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '.':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String()
}

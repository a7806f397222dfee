package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	sarifreport "github.com/owenrumney/go-sarif/v3/pkg/report"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// SARIF writes SARIF 2.1.0 for GitHub code scanning and other SARIF
// consumers: one reporting descriptor per rule that ran, with its help,
// remediation, framework controls as tags and a security-severity; one
// result per finding, with the file (and line where known) as physical
// location, the resource address as logical location, and a partial
// fingerprint that stays the same from run to run while the finding does.
//
// Levels: deny findings are "error", warn findings "warning", and results
// unknown until apply "note". Waived findings carry an accepted external
// suppression with the waiver's reason.
type SARIF struct{}

// informationURI is where the SARIF driver points users.
const informationURI = "https://github.com/tenet-dev/tenet"

// securitySeverity maps a severity to GitHub's security-severity score
// (critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9).
var securitySeverity = map[finding.Severity]string{
	finding.SeverityCritical: "9.5",
	finding.SeverityHigh:     "8.0",
	finding.SeverityMedium:   "5.5",
	finding.SeverityLow:      "3.0",
}

var sarifLevel = map[finding.Kind]string{
	finding.KindDeny:    "error",
	finding.KindWarn:    "warning",
	finding.KindUnknown: "note",
}

// Write implements Reporter.
func (SARIF) Write(w io.Writer, res *finding.Result) error {
	rep := sarifreport.NewV210Report()
	run := sarif.NewRunWithInformationURI(res.Tool.Name, informationURI)
	run.Tool.Driver.WithVersion(res.Tool.Version)
	// The policy bundles are the tool's extensions: their revisions say
	// which policy version judged the code.
	for _, b := range res.Bundles {
		ext := sarif.NewToolComponent().WithName(b.Name)
		if b.Revision != "" {
			ext.WithVersion(b.Revision)
		}
		props := sarif.NewPropertyBag()
		props.Add("source", b.Source)
		run.Tool.AddExtension(ext.WithProperties(props))
	}
	index := map[string]int{}
	for i, rr := range res.Rules {
		index[rr.Rule.ID] = i
		run.Tool.Driver.AddRule(sarifRule(rr.Rule))
	}
	for _, f := range res.Findings {
		i, ok := index[f.RuleID]
		if !ok {
			continue
		}
		run.AddResult(sarifResult(f, i))
	}
	rep.AddRun(run)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

func sarifRule(r finding.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID).
		WithName(r.ID).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Title))
	if r.Description != "" {
		d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Description))
	}
	help := r.Title
	if r.Remediation != "" {
		help += "\n\nRemediation: " + r.Remediation
	}
	md := fmt.Sprintf("**%s** %s\n\n", r.ID, r.Title)
	if r.Description != "" {
		md += r.Description + "\n\n"
	}
	if r.Remediation != "" {
		md += "**Remediation:** " + r.Remediation + "\n\n"
	}
	if c := controls(r); c != "" {
		md += "**Controls:** " + c + "\n"
	}
	d.WithHelp(sarif.NewMultiformatMessageString().WithText(help).WithMarkdown(strings.TrimSpace(md)))
	if len(r.References) > 0 {
		d.WithHelpURI(r.References[0])
	}
	level := "warning"
	switch r.Severity {
	case finding.SeverityHigh, finding.SeverityCritical:
		level = "error"
	case finding.SeverityLow:
		level = "note"
	}
	d.WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level))
	props := sarif.NewPropertyBag()
	tags := []string{"security", "compliance"}
	for _, fw := range frameworkKeys(r) {
		for _, id := range r.Controls[fw] {
			tags = append(tags, fw+"/"+id)
		}
	}
	props.Tags = tags
	if s, ok := securitySeverity[r.Severity]; ok {
		props.Add("security-severity", s)
	}
	if r.Severity != "" {
		props.Add("severity", string(r.Severity))
	}
	d.WithProperties(props)
	return d
}

func sarifResult(f finding.Finding, ruleIndex int) *sarif.Result {
	msg := f.Message
	if f.Resource != "" {
		msg = f.Resource + ": " + msg
	}
	r := sarif.NewRuleResult(f.RuleID).
		WithRuleIndex(ruleIndex).
		WithLevel(sarifLevel[f.Kind]).
		WithKind(sarifKind(f.Kind)).
		WithMessage(sarif.NewTextMessage(msg)).
		WithPartialFingerprints(map[string]string{fmt.Sprintf("tenet/v%d", finding.FingerprintVersion): f.Fingerprint})
	loc := sarif.NewLocation()
	if f.File != "" && f.File != "-" {
		phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(f.File)))
		if f.Line > 0 {
			phys.WithRegion(sarif.NewRegion().WithStartLine(f.Line))
		}
		loc.WithPhysicalLocation(phys)
	}
	if f.Resource != "" {
		loc.WithLogicalLocations([]*sarif.LogicalLocation{
			sarif.NewLogicalLocation().WithFullyQualifiedName(f.Resource).WithKind("resource"),
		})
	}
	r.AddLocation(loc)
	props := sarif.NewPropertyBag()
	props.Add("kind", string(f.Kind))
	if f.Attribute != "" {
		props.Add("attribute", f.Attribute)
	}
	r.WithProperties(props)
	switch f.Baseline {
	case finding.BaselineNew:
		r.WithBaselineState("new")
	case finding.BaselineExisting:
		r.WithBaselineState("unchanged")
	}
	if wv := f.Waiver; wv != nil {
		// An accepted external suppression: GitHub code scanning shows the
		// alert as dismissed, and the justification says who accepted what.
		sp := sarif.NewPropertyBag()
		for k, v := range map[string]string{"owner": wv.Owner, "ticket": wv.Ticket, "expires": wv.Expires, "source": wv.Source} {
			if v != "" {
				sp.Add(k, v)
			}
		}
		r.AddSuppression(sarif.NewSuppression().WithKind("external").WithStatus("accepted").WithJustification(wv.Reason).WithProperties(sp))
	}
	return r
}

// sarifKind is "review" for results that depend on values unknown until
// apply: a person has to look once the plan is applied.
func sarifKind(k finding.Kind) string {
	if k == finding.KindUnknown {
		return "review"
	}
	return "fail"
}

// fileURI makes a relative URI reference of a path, as SARIF consumers
// resolve against the repository root.
func fileURI(p string) string {
	p = filepath.ToSlash(p)
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

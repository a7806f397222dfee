package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// SARIF writes SARIF 2.1.0 for GitHub code scanning and other SARIF
// consumers: one reporting descriptor per rule that ran, with its help,
// remediation, framework keys as tags (controls in properties) and a
// security-severity; one result per finding, with the file (and line) as
// physical location, the resource address as logical location, and a
// partial fingerprint that stays the same from run to run while the
// finding does.
//
// Levels: deny findings are "error", warn findings "warning"; results
// unknown until apply are of kind "review", which SARIF pairs with level
// "none". Waived findings carry an accepted external suppression with the
// waiver's reason. Inputs that were not evaluated are tool execution
// notifications. The output stays within GitHub's limits (see
// SARIFLimits).
type SARIF struct {
	// BasePath is the directory URIs are relative to: the repository root,
	// which GitHub resolves them against. Empty: paths as given. A file
	// outside it gets an absolute file: URI.
	BasePath string
	// Limits bound the output; zero fields are GitHub's.
	Limits SARIFLimits
}

// SARIFLimits bound what one SARIF log holds. GitHub code scanning refuses
// a log over its hard limits; the ones tenet's output could reach are
// these (the others, 20 runs a file, 25,000 rules a run and 1,000
// locations a result, it never approaches: one run, a few hundred rules,
// one location).
type SARIFLimits struct {
	// ResultsPerRun is the most results a run holds; over it, the ones
	// that matter most are kept (GitHub: GitHubResultsPerRun).
	ResultsPerRun int
	// TagsPerRule is the most tags a rule holds (GitHub: GitHubTagsPerRule).
	TagsPerRule int
}

// GitHub code scanning's limits (SARIFLimits).
const (
	GitHubResultsPerRun = 25000
	GitHubTagsPerRule   = 20
)

// limits are s.Limits with GitHub's in place of zero fields.
func (s SARIF) limits() SARIFLimits {
	l := s.Limits
	if l.ResultsPerRun <= 0 {
		l.ResultsPerRun = GitHubResultsPerRun
	}
	if l.TagsPerRule <= 0 {
		l.TagsPerRule = GitHubTagsPerRule
	}
	return l
}

const (
	// informationURI is where the SARIF driver points users.
	informationURI = "https://github.com/tenet-dev/tenet"
	// sarifSchemaURI is the published SARIF 2.1.0 schema.
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
)

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
	finding.KindUnknown: "none",
}

// Write implements Reporter.
func (s SARIF) Write(w io.Writer, res *finding.Result) error {
	if s.BasePath != "" {
		// Resolved once: uri runs for every result.
		base, err := filepath.Abs(s.BasePath)
		if err != nil {
			return fmt.Errorf("sarif: base path: %w", err)
		}
		s.BasePath = base
	}
	driver := sarifComponent{Name: res.Tool.Name, InformationURI: informationURI}
	driver.Version = sarifVersion(res.Tool.Version)
	limits := s.limits()
	index := ruleIndex(res)
	for _, rr := range res.Rules {
		driver.Rules = append(driver.Rules, sarifRuleOf(rr.Rule, limits.TagsPerRule))
	}
	// The policy bundles are the tool's extensions: their revisions say
	// which policy version judged the code.
	var extensions []sarifComponent
	for _, b := range res.Bundles {
		extensions = append(extensions, sarifComponent{Name: b.Name, Version: b.Revision, Properties: map[string]any{"source": b.Source}})
	}
	kept, omitted := sarifSelect(res.Findings, index, limits.ResultsPerRun)
	results := make([]sarifResult, 0, len(kept))
	for _, f := range kept {
		results = append(results, s.result(f, index[f.RuleID]))
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: driver, Extensions: extensions},
		Invocations: []sarifInvocation{s.invocation(res, omitted, len(kept)+omitted, limits.ResultsPerRun)},
		Results:     results,
	}
	return writeJSON(w, sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

// Omitted is how many findings Write leaves out of res to stay within the
// results a run; the CLI says so on stderr.
func (s SARIF) Omitted(res *finding.Result) int {
	_, omitted := sarifSelect(res.Findings, ruleIndex(res), s.limits().ResultsPerRun)
	return omitted
}

// ruleIndex is the position of each rule of res in its rules, which a
// SARIF result names by index.
func ruleIndex(res *finding.Result) map[string]int {
	index := make(map[string]int, len(res.Rules))
	for i, rr := range res.Rules {
		index[rr.Rule.ID] = i
	}
	return index
}

// sarifSelect keeps the findings of known rules, at most limit of them:
// over the limit, the ones that matter
// most (failures, then warnings, then unknowns, then waived), in the
// report's order. It returns them and the count left out.
func sarifSelect(findings []finding.Finding, index map[string]int, limit int) ([]finding.Finding, int) {
	var known []finding.Finding
	for _, f := range findings {
		if _, ok := index[f.RuleID]; ok {
			known = append(known, f)
		}
	}
	if len(known) <= limit {
		return known, 0
	}
	order := make([]int, len(known))
	for i := range order {
		order[i] = i
	}
	// A kind the scanner never writes (a hand-edited shard report given
	// to tenet merge) ranks with the failures: kept, not left out.
	rank := func(f finding.Finding) int {
		switch {
		case f.Waived():
			return 3
		case f.Kind == finding.KindWarn:
			return 1
		case f.Kind == finding.KindUnknown:
			return 2
		}
		return 0
	}
	sort.SliceStable(order, func(a, b int) bool { return rank(known[order[a]]) < rank(known[order[b]]) })
	keep := order[:limit]
	sort.Ints(keep)
	out := make([]finding.Finding, len(keep))
	for i, k := range keep {
		out[i] = known[k]
	}
	return out, len(known) - limit
}

// invocation says whether every input was evaluated: an input that could
// not be read is an error notification (and the execution is not
// successful), one that no rule checks a warning, each with its file, so
// that a consumer showing no results does not read as a clean pass; and
// results left out for GitHub's limit are a warning too.
func (s SARIF) invocation(res *finding.Result, omitted, total, limit int) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0}
	note := func(level, path, text string) {
		n := sarifNotification{Level: level, Message: sarifText{Text: text}}
		if path != "" && path != "-" {
			n.Locations = []sarifLocation{{PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: s.uri(path)}}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, e := range res.Errors {
		note("error", e.Path, e.Message)
	}
	for _, in := range notEvaluated(res) {
		note("warning", in.Path, in.Path+": not evaluated: "+in.Reason)
	}
	if omitted > 0 {
		note("warning", "", fmt.Sprintf("%d of %d results left out (waived findings first, then unknown ones, then warnings): GitHub code scanning accepts %d a run; the json format reports every finding",
			omitted, total, limit))
	}
	return inv
}

func sarifRuleOf(r finding.Rule, maxTags int) sarifRule {
	d := sarifRule{ID: r.ID, Name: pascalCase(r.Title), ShortDescription: sarifText{Text: r.Title}}
	if d.Name == r.ID {
		d.Name = "" // SARIF: a name equal to the id is left out
	}
	// GitHub requires a full description; conftest-style rules have only
	// their name.
	d.FullDescription = &sarifText{Text: r.Title}
	if r.Description != "" {
		d.FullDescription.Text = r.Description
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
	d.Help = &sarifText{Text: help, Markdown: strings.TrimSpace(md)}
	if len(r.References) > 0 {
		d.HelpURI = r.References[0]
	}
	d.DefaultConfiguration.Level = "warning"
	switch r.Severity {
	case finding.SeverityHigh, finding.SeverityCritical:
		d.DefaultConfiguration.Level = "error"
	case finding.SeverityLow:
		d.DefaultConfiguration.Level = "note"
	}
	// Tags: what GitHub filters on, most useful first, within its limit;
	// the framework keys, not every control (rules map to up to 30).
	tags := []string{"security", "compliance"}
	if r.Severity != "" {
		tags = append(tags, string(r.Severity))
	}
	for _, fw := range frameworkKeys(r) {
		tags = append(tags, fw)
		for _, id := range r.Controls[fw] {
			d.Properties.Controls = append(d.Properties.Controls, fw+"/"+id)
		}
	}
	d.Properties.Tags = tags[:min(len(tags), maxTags)]
	d.Properties.SecuritySeverity = securitySeverity[r.Severity]
	d.Properties.Severity = string(r.Severity)
	return d
}

// sarifVersion is a version SARIF consumers can compare, which must start
// with a digit: a release as is (without its "v"), and a development
// build, named by its commit, as 0.0.0-dev+COMMIT.
func sarifVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] >= '0' && v[0] <= '9' {
		return v
	}
	build := strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
			return r
		}
		return '-'
	}, v)
	return "0.0.0-dev+" + build
}

// pascalCase makes the friendly name SARIF asks for of a title: "S3
// buckets block a public AWS access" is "S3BucketsBlockPublicAwsAccess".
func pascalCase(title string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(strings.ToLower(word))
		if len(rs) == 1 && unicode.IsLetter(rs[0]) {
			continue // "a": two capitals in a row do not read as Pascal case
		}
		b.WriteRune(unicode.ToUpper(rs[0]))
		b.WriteString(string(rs[1:]))
	}
	return b.String()
}

func (s SARIF) result(f finding.Finding, ruleIndex int) sarifResult {
	msg := f.Message
	if f.Resource != "" {
		msg = f.Resource + ": " + msg
	}
	r := sarifResult{
		RuleID: f.RuleID, RuleIndex: ruleIndex, Level: sarifLevel[f.Kind], Kind: sarifKind(f.Kind),
		Message:             sarifText{Text: msg},
		PartialFingerprints: map[string]string{fmt.Sprintf("tenet/v%d", finding.FingerprintVersion): f.Fingerprint},
		Properties:          map[string]string{"kind": string(f.Kind)},
	}
	if f.Attribute != "" {
		r.Properties["attribute"] = f.Attribute
	}
	var loc sarifLocation
	if f.File != "" && f.File != "-" {
		// Where the loader knows no line (plans, state), the result points
		// at the file's first line: GitHub needs a region to annotate.
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: s.uri(f.File)}, Region: &sarifRegion{StartLine: max(f.Line, 1)}}
	}
	if f.Resource != "" {
		loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: f.Resource, Kind: "resource"}}
	}
	r.Locations = []sarifLocation{loc}
	switch f.Baseline {
	case finding.BaselineNew:
		r.BaselineState = "new"
	case finding.BaselineExisting:
		r.BaselineState = "unchanged"
	}
	if wv := f.Waiver; wv != nil {
		// An accepted external suppression: GitHub code scanning shows the
		// alert as dismissed, and the justification says who accepted what.
		props := map[string]string{}
		for k, v := range map[string]string{"owner": wv.Owner, "ticket": wv.Ticket, "expires": wv.Expires, "source": wv.Source} {
			if v != "" {
				props[k] = v
			}
		}
		r.Suppressions = []sarifSuppress{{Kind: "external", Status: "accepted", Justification: wv.Reason, Properties: props}}
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

// uri makes the URI of a path: relative to BasePath (made absolute by
// Write), the repository root that GitHub resolves URIs against; a file
// outside it gets an absolute file: URI.
func (s SARIF) uri(p string) string {
	if s.BasePath == "" {
		return fileURI(p)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return fileURI(p)
	}
	rel, err := filepath.Rel(s.BasePath, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	}
	return fileURI(rel)
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

package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-1-3"
	"github.com/google/uuid"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// OSCAL writes an OSCAL 1.1.3 assessment-results document: the machine-
// readable evidence an auditor or a FedRAMP-style pipeline takes in. One
// result holds the NIST SP 800-53 controls the rules reviewed, one
// observation per rule that checked something (its failing resources as
// subjects, each finding as evidence), and one finding per reviewed control,
// "satisfied" or "not-satisfied" (failures and results unknown until apply).
//
// Identifiers are UUIDs derived from the content (version 5), and times
// come from Options.Timestamp, so the same scan gives the same document.
type OSCAL struct {
	Timestamp time.Time
}

// oscalNamespace scopes tenet's OSCAL properties and derived UUIDs.
const oscalNamespace = "https://github.com/tenet-dev/tenet/ns/oscal"

var uuidSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte(oscalNamespace))

func derivedUUID(parts ...string) string {
	return uuid.NewSHA1(uuidSpace, []byte(strings.Join(parts, "\x00"))).String()
}

// oscalControlID turns "SC-28(1)" into OSCAL's "sc-28.1".
func oscalControlID(id string) string {
	id = strings.ToLower(id)
	id = strings.ReplaceAll(id, "(", ".")
	return strings.ReplaceAll(id, ")", "")
}

func prop(name, value string) oscal.Property {
	return oscal.Property{Name: name, Value: value, Ns: oscalNamespace}
}

// Write implements Reporter.
func (o OSCAL) Write(w io.Writer, res *finding.Result) error {
	ts := o.Timestamp.UTC()
	if o.Timestamp.IsZero() {
		ts = time.Unix(0, 0).UTC() // OSCAL needs a date; callers should pass the scan's time
	}
	var bundleProps []oscal.Property
	for _, b := range res.Bundles {
		bundleProps = append(bundleProps, prop("bundle", strings.TrimSpace(b.Name+" "+b.Revision)))
	}
	var nist *finding.Framework
	for i := range res.Frameworks {
		if res.Frameworks[i].ID == "nist-800-53-r5" {
			nist = &res.Frameworks[i]
		}
	}
	observations, byRule, subjects := oscalObservations(res, ts)
	var include []oscal.AssessedControlsSelectControlById
	var findings []oscal.Finding
	if nist != nil {
		for _, c := range nist.Controls {
			if c.Status == finding.StatusNotCovered {
				continue // not assessed: nothing checks it
			}
			include = append(include, oscal.AssessedControlsSelectControlById{ControlId: oscalControlID(c.ID)})
			f, ok := oscalFinding(c, byRule)
			// An incomplete scan cannot show a control satisfied: the
			// inputs it could not read might break it.
			if ok && !(len(res.Errors) > 0 && f.Target.Status.State == "satisfied") {
				findings = append(findings, f)
			}
		}
	}
	selection := oscal.AssessedControls{Description: "NIST SP 800-53 Rev. 5 controls that the loaded rules map to."}
	if len(include) > 0 {
		selection.IncludeControls = &include
	}
	result := oscal.Result{
		UUID:        derivedUUID("result", res.Tool.Version, ts.Format(time.RFC3339)),
		Title:       "tenet scan",
		Description: oscalDescription(res),
		Start:       ts,
		End:         &ts,
		ReviewedControls: oscal.ReviewedControls{
			ControlSelections: []oscal.AssessedControls{selection},
		},
	}
	if len(observations) > 0 {
		result.Observations = &observations
	}
	if len(findings) > 0 {
		result.Findings = &findings
	}
	props := []oscal.Property{prop("failed", fmt.Sprint(res.Summary.Failed))}
	for _, in := range res.Inputs {
		props = append(props, prop("input", in.Path))
	}
	for _, in := range notEvaluated(res) {
		props = append(props, prop("input-not-evaluated", in.Path))
	}
	for _, e := range res.Errors {
		props = append(props, prop("input-error", orDash(e.Path)))
	}
	result.Props = &props
	meta := oscal.Metadata{
		Title:        "tenet compliance assessment",
		LastModified: ts,
		Version:      res.Tool.Version,
		OscalVersion: "1.1.3",
	}
	if len(bundleProps) > 0 {
		meta.Props = &bundleProps
	}
	plan := oscalPlan(res)
	backMatter := []oscal.Resource{plan}
	for _, u := range sortedKeys(subjects) {
		backMatter = append(backMatter, subjects[u])
	}
	doc := oscal.OscalCompleteSchema{AssessmentResults: &oscal.AssessmentResults{
		UUID:     derivedUUID("assessment-results", result.UUID),
		Metadata: meta,
		ImportAp: oscal.ImportAp{
			Href:    "#" + plan.UUID,
			Remarks: "tenet runs the rules of its bundles; their METADATA is the assessment plan.",
		},
		Results:    []oscal.Result{result},
		BackMatter: &oscal.BackMatter{Resources: &backMatter},
	}}
	return writeJSON(w, doc)
}

// oscalObservations makes one observation per rule that checked something
// or found something, and returns them with their UUIDs by rule id.
func oscalObservations(res *finding.Result, ts time.Time) ([]oscal.Observation, map[string]string, map[string]oscal.Resource) {
	resources := map[string]oscal.Resource{}
	byRule := map[string][]finding.Finding{}
	for _, f := range res.Findings {
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	ids := map[string]string{}
	var out []oscal.Observation
	for _, rr := range res.Rules {
		fs := byRule[rr.Rule.ID]
		if rr.Checked == 0 && len(fs) == 0 {
			continue
		}
		obs := oscal.Observation{
			UUID:        derivedUUID("observation", rr.Rule.ID),
			Title:       rr.Rule.ID + " " + rr.Rule.Title,
			Description: fmt.Sprintf("%s: %d checked, %d passed, %d failed, %d unknown until apply, %d waived.", rr.Status, rr.Checked, rr.Passed, rr.Failed, rr.Unknown, rr.Waived),
			Methods:     []string{"TEST"},
			Collected:   ts,
		}
		props := []oscal.Property{prop("rule-id", rr.Rule.ID), prop("status", string(rr.Status))}
		for _, fw := range frameworkKeys(rr.Rule) {
			for _, c := range rr.Rule.Controls[fw] {
				props = append(props, prop("control", fw+"/"+c))
			}
		}
		obs.Props = &props
		var subjects []oscal.SubjectReference
		var evidence []oscal.RelevantEvidence
		seen := map[string]bool{}
		for _, f := range fs {
			where := f.Resource
			if where == "" {
				where = f.File
			}
			if !seen[where] {
				seen[where] = true
				u := derivedUUID("subject", f.File, where)
				subjects = append(subjects, oscal.SubjectReference{SubjectUuid: u, Title: where, Type: "resource"})
				// A subject of type resource is a back-matter resource:
				// every reference must resolve in the document.
				props := []oscal.Property{prop("input", orDash(f.File))}
				resources[u] = oscal.Resource{UUID: u, Title: where, Description: "A resource (or input) judged by the rules, as written in " + orDash(f.File) + ".", Props: &props}
			}
			loc := f.File
			if f.Line > 0 {
				loc = fmt.Sprintf("%s:%d", f.File, f.Line)
			}
			desc := fmt.Sprintf("%s %s (%s): %s", f.Kind, where, loc, f.Message)
			if wv := f.Waiver; wv != nil {
				desc += fmt.Sprintf(" [waived until %s by %s: %s; %s]", orDash(wv.Expires), orDash(wv.Owner), wv.Reason, wv.Source)
			}
			evidence = append(evidence, oscal.RelevantEvidence{Description: desc})
		}
		if len(subjects) > 0 {
			obs.Subjects = &subjects
			obs.RelevantEvidence = &evidence
		}
		ids[rr.Rule.ID] = obs.UUID
		out = append(out, obs)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	if obs, ok := oscalNotEvaluated(res, ts); ok {
		out = append(out, obs)
	}
	return out, ids, resources
}

// oscalFinding states whether a reviewed control is satisfied; controls
// whose rules had nothing to check get none.
func oscalFinding(c finding.Control, observations map[string]string) (oscal.Finding, bool) {
	var state, remarks string
	switch c.Status {
	case finding.StatusFail:
		state = "not-satisfied"
	case finding.StatusUnknown:
		state, remarks = "not-satisfied", "A deciding value is known only after apply: review the applied configuration."
	case finding.StatusPass:
		state = "satisfied"
	case finding.StatusWarn:
		state, remarks = "satisfied", "Rules warned: advisory findings, see the related observations."
	case finding.StatusWaived:
		state, remarks = "not-satisfied", "Risk accepted: every failing finding is covered by a waiver, see the related observations."
	default:
		return oscal.Finding{}, false
	}
	id := oscalControlID(c.ID)
	f := oscal.Finding{
		UUID:        derivedUUID("finding", id),
		Title:       strings.TrimSpace(c.ID + " " + c.Title),
		Description: fmt.Sprintf("Control %s is %s according to %s (%d resources checked, %d failed).", c.ID, state, strings.Join(c.Rules, ", "), c.Checked, c.Failed),
		Target: oscal.FindingTarget{
			Type:     "statement-id",
			TargetId: id + "_smt",
			Status:   oscal.ObjectiveStatus{State: state, Remarks: remarks},
		},
	}
	var related []oscal.RelatedObservation
	for _, r := range c.Rules {
		if u, ok := observations[r]; ok {
			related = append(related, oscal.RelatedObservation{ObservationUuid: u})
		}
	}
	if len(related) > 0 {
		f.RelatedObservations = &related
	}
	return f, true
}

// oscalNotEvaluated is the observation that lists the inputs nothing was
// checked on: those that could not be read or evaluated and those no rule
// applies to. An assessor must not take their absence from the findings
// for compliance.
func oscalNotEvaluated(res *finding.Result, ts time.Time) (oscal.Observation, bool) {
	var evidence []oscal.RelevantEvidence
	for _, e := range res.Errors {
		evidence = append(evidence, oscal.RelevantEvidence{Description: "error: " + e.Message})
	}
	for _, in := range notEvaluated(res) {
		evidence = append(evidence, oscal.RelevantEvidence{Description: fmt.Sprintf("not evaluated: %s: %s", in.Path, in.Reason)})
	}
	if len(evidence) == 0 {
		return oscal.Observation{}, false
	}
	props := []oscal.Property{prop("status", "not-evaluated")}
	return oscal.Observation{
		UUID:             derivedUUID("observation", "inputs not evaluated"),
		Title:            "Inputs not evaluated",
		Description:      fmt.Sprintf("%s could not be read or evaluated and %s no rule checks: no control is assessed on them.", plural(len(res.Errors), "input"), plural(res.Summary.NotEvaluated, "input")),
		Methods:          []string{"TEST"},
		Collected:        ts,
		Props:            &props,
		RelevantEvidence: &evidence,
	}, true
}

// oscalPlan is the back-matter resource the import-ap points at: the rule
// bundles, whose METADATA maps each rule to controls, are the plan.
func oscalPlan(res *finding.Result) oscal.Resource {
	var names []string
	var props []oscal.Property
	for _, b := range res.Bundles {
		name := strings.TrimSpace(b.Name + " " + b.Revision)
		names = append(names, name)
		props = append(props, prop("bundle", name))
	}
	r := oscal.Resource{
		UUID:        derivedUUID("assessment-plan", strings.Join(names, ",")),
		Title:       "tenet assessment plan: the rule bundles",
		Description: "The rules of these policy bundles, each mapped to framework controls in its METADATA, run on every input: " + strings.Join(names, ", ") + ".",
		Rlinks:      &[]oscal.ResourceLink{{Href: informationURI}},
	}
	if len(props) > 0 {
		r.Props = &props
	}
	return r
}

// oscalDescription says what the result covers and, when inputs were not
// evaluated, that it is incomplete.
func oscalDescription(res *finding.Result) string {
	s := res.Summary
	out := fmt.Sprintf("Automated evaluation of %s (%s) against %s.", plural(s.Inputs, "input"), plural(s.Resources, "resource"), plural(s.Rules, "rule"))
	if s.Errors > 0 {
		out += fmt.Sprintf(" Incomplete: %s could not be read or evaluated, so no control is stated satisfied; see the observation \"Inputs not evaluated\".", plural(s.Errors, "input"))
	}
	if s.NotEvaluated > 0 {
		out += fmt.Sprintf(" %s no rule checks: nothing was assessed on them.", plural(s.NotEvaluated, "input"))
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

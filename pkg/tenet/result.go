package tenet

import (
	"errors"
	"sort"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/pkg/waiver"
)

// result assembles the report model from the per-file outcomes and the
// outcome of the combined evaluation (WithCombine; zero without it).
func (s *Scanner) result(files []string, outcomes []outcome, comb outcome, walkErrs []error, waivers []finding.WaiverUse) *finding.Result {
	res := &finding.Result{
		Schema:   finding.ResultSchema,
		Tool:     finding.Tool{Name: "tenet", Version: s.cfg.version},
		Bundles:  s.cat.Bundles,
		Inputs:   []finding.Input{},
		Errors:   []finding.InputError{},
		Findings: []finding.Finding{},
	}
	for _, err := range walkErrs {
		res.Errors = append(res.Errors, inputError(err))
	}
	checked := map[string]int{}
	waivers = waivers[:len(waivers):len(waivers)] // inline waivers must not write into the caller's array
	for i, o := range outcomes {
		if files[i] == "-" && s.cfg.stdinName != "" {
			files[i] = s.cfg.stdinName
		}
		if o.err != nil {
			res.Errors = append(res.Errors, inputError(o.err))
			continue
		}
		inline, err := s.annotationWaivers(&o.doc)
		if err != nil {
			res.Errors = append(res.Errors, finding.InputError{Path: files[i], Message: err.Error()})
		}
		waivers = append(waivers, inline...)
		status, reason := inputStatus(&o.doc, o.res)
		res.Inputs = append(res.Inputs, finding.Input{Path: files[i], Format: string(o.doc.Source.Format), Resources: len(o.doc.Resources),
			Status: status, Reason: reason, Checked: o.res.Checked, Types: liveTypes(&o.doc)})
		if status == finding.InputNotEvaluated {
			res.Summary.NotEvaluated++
		}
		for _, u := range o.doc.Unread {
			if u.Path == files[i] && !u.Error && status == finding.InputNotEvaluated {
				continue // the input's own reason, given above
			}
			if u.Error {
				res.Errors = append(res.Errors, finding.InputError{Path: u.Path, Message: u.Reason})
				continue
			}
			res.Inputs = append(res.Inputs, finding.Input{Path: u.Path, Format: string(o.doc.Source.Format),
				Status: finding.InputNotEvaluated, Reason: u.Reason})
			res.Summary.NotEvaluated++
		}
		res.Summary.Resources += len(o.doc.Resources)
		res.Findings = append(res.Findings, o.res.Findings...)
		for id, n := range o.res.Checked {
			checked[id] += n
		}
	}
	if comb.err != nil {
		res.Errors = append(res.Errors, inputError(comb.err))
	}
	res.Findings = append(res.Findings, comb.res.Findings...)
	for id, n := range comb.res.Checked {
		checked[id] += n
		// Every input read was judged by the rule, as part of the whole.
		for i := range res.Inputs {
			if res.Inputs[i].Checked == nil {
				res.Inputs[i].Checked = map[string]int{}
			}
			res.Inputs[i].Checked[id] = 1
			if n > 0 && res.Inputs[i].Status == finding.InputNotEvaluated {
				res.Inputs[i].Status, res.Inputs[i].Reason = finding.InputEvaluated, ""
				res.Summary.NotEvaluated--
			}
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return finding.Less(res.Findings[i], res.Findings[j]) })
	res.FingerprintVersion = finding.FingerprintVersion
	fingerprintPath := fingerprintPaths()
	for i := range res.Findings {
		f := &res.Findings[i]
		f.Fingerprint = finding.Fingerprint(*f, fingerprintPath(f.File))
	}
	if len(waivers) > 0 {
		waiver.Apply(res.Findings, waivers, s.cfg.now().UTC())
		res.Waivers = waivers
	}
	if s.baseline != nil {
		res.Baseline = diff.MarkBaseline(res.Findings, s.baseline, s.cfg.baseline)
	}
	res.Rules = report.RuleResults(s.cat.Rules, res.Findings, checked)
	res.Frameworks = report.FrameworksOf(res.Rules, res.Findings, s.frameworks, res.Inputs)
	res.Summary.Inputs = len(res.Inputs)
	res.Summary.Rules = len(res.Rules)
	res.Summary.Errors = len(res.Errors)
	for _, f := range res.Findings {
		if f.Waived() {
			res.Summary.Waived++
			continue
		}
		switch f.Kind {
		case finding.KindDeny:
			res.Summary.Deny++
		case finding.KindWarn:
			res.Summary.Warn++
		case finding.KindUnknown:
			res.Summary.Unknown++
		}
	}
	sm := &res.Summary
	sm.Failed = s.fails(sm.Deny, sm.Warn, sm.Unknown)
	if res.Baseline != nil {
		sm.Failed = s.fails(gating(res.Findings))
	}
	if s.cfg.failOnUnevaluated && sm.NotEvaluated > 0 {
		sm.Failed = true
	}
	if s.cfg.failOnStale {
		for _, u := range res.Waivers {
			sm.Failed = sm.Failed || u.State == finding.WaiverStale
		}
	}
	return res
}

// fails tells whether these counts of unwaived findings fail the run
// under the options.
func (s *Scanner) fails(deny, warn, unknown int) bool {
	return deny > 0 ||
		s.cfg.failOnWarn && warn > 0 ||
		s.cfg.unknown == UnknownFail && unknown > 0 ||
		s.cfg.unknown == UnknownWarn && s.cfg.failOnWarn && unknown > 0
}

// gating counts the findings that can fail a run with a baseline: the new
// ones that no waiver covers.
func gating(findings []finding.Finding) (deny, warn, unknown int) {
	for _, f := range findings {
		if f.Waived() || f.Baseline == finding.BaselineExisting {
			continue
		}
		switch f.Kind {
		case finding.KindDeny:
			deny++
		case finding.KindWarn:
			warn++
		case finding.KindUnknown:
			unknown++
		}
	}
	return deny, warn, unknown
}

func inputError(err error) finding.InputError {
	var fe *loader.FileError
	if errors.As(err, &fe) {
		return finding.InputError{Path: fe.Path, Line: fe.Line, Message: fe.Error()}
	}
	return finding.InputError{Message: err.Error()}
}

// liveTypes counts the resources of doc per type that rules judge: not
// deleted, not data sources.
func liveTypes(doc *input.Document) map[string]int {
	out := map[string]int{}
	for _, r := range doc.Resources {
		if r.Action != input.ActionDelete && r.Mode != "data" {
			out[r.Type]++
		}
	}
	return out
}

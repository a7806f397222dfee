package finding

// Gate is what fails a run, besides findings that are failures.
type Gate struct {
	FailOnWarn        bool   `json:"fail_on_warn,omitempty"`
	Unknown           string `json:"unknown"`
	FailOnUnevaluated bool   `json:"fail_on_unevaluated,omitempty"`
	FailOnStale       bool   `json:"fail_on_stale_waivers,omitempty"`
}

// Fails tells whether these counts of unwaived findings fail a run under
// the gate (not counting the inputs not evaluated and stale waivers).
func (g Gate) Fails(deny, warn, unknown int) bool {
	return deny > 0 ||
		g.FailOnWarn && warn > 0 ||
		g.Unknown == "fail" && unknown > 0 ||
		g.Unknown == "warn" && g.FailOnWarn && unknown > 0
}

// Tally fills the counts of r.Summary that follow from its inputs, errors,
// rules and findings (Resources and NotEvaluated are counted as the inputs
// are read), and decides Failed under g.
func (r *Result) Tally(g Gate) {
	sm := &r.Summary
	sm.Inputs = len(r.Inputs)
	sm.Rules = len(r.Rules)
	sm.Errors = len(r.Errors)
	sm.Deny, sm.Warn, sm.Unknown, sm.Waived = 0, 0, 0, 0
	for _, f := range r.Findings {
		if f.Waived() {
			sm.Waived++
			continue
		}
		switch f.Kind {
		case KindDeny:
			sm.Deny++
		case KindWarn:
			sm.Warn++
		case KindUnknown:
			sm.Unknown++
		}
	}
	sm.Failed = g.Fails(sm.Deny, sm.Warn, sm.Unknown)
	if r.Baseline != nil {
		sm.Failed = g.Fails(gating(r.Findings))
	}
	if g.FailOnUnevaluated && sm.NotEvaluated > 0 {
		sm.Failed = true
	}
	if g.FailOnStale {
		for _, u := range r.Waivers {
			sm.Failed = sm.Failed || u.State == WaiverStale
		}
	}
}

// gating counts the findings that can fail a run with a baseline: the new
// ones that no waiver covers.
func gating(findings []Finding) (deny, warn, unknown int) {
	for _, f := range findings {
		if f.Waived() || f.Baseline == BaselineExisting {
			continue
		}
		switch f.Kind {
		case KindDeny:
			deny++
		case KindWarn:
			warn++
		case KindUnknown:
			unknown++
		}
	}
	return deny, warn, unknown
}

// Package merge makes of the reports of the shards of one run (tenet test
// --shard K/N) the report of the whole run: the inputs, errors, findings,
// per-rule and per-control statuses, coverage and summary that a single
// run over all the inputs gives (docs/scale.md).
package merge

import (
	"errors"
	"fmt"
	"reflect"
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// Part is the report of one shard and the name errors give it (its file).
type Part struct {
	Name   string
	Report *finding.Result
}

// Results merges the reports of every shard of one run (see Merger).
// The parts are not modified.
func Results(parts []Part) (*finding.Result, error) {
	var m Merger
	for _, p := range parts {
		if err := m.Add(p); err != nil {
			return nil, err
		}
	}
	return m.Result()
}

// Merger merges the reports of the shards of one run as they are read,
// keeping of each only what the merged report is made of, so that a
// thousand reports need not be held at once. It refuses reports that are
// not shards' (or are brief), shards of different runs (another count,
// other inputs or another gate), a shard given twice or missing, and
// reports made by another tenet, with other bundles or other rules,
// naming what differs. The zero Merger is ready to use.
//
// The first part added is the reference the others are compared with, and
// the only one whose Frameworks are read (for the titles of the
// catalogs): a reader may leave the others' out.
type Merger struct {
	first  Part
	info   map[string]report.FrameworkInfo
	pieces map[int]piece // by shard index
	// places maps each place of the run (Input.Order, InputError.Order)
	// to the report that holds it: every place must be in exactly one.
	places map[int]string
}

// piece is what the merged report takes of one shard's report.
type piece struct {
	name     string
	inputs   []finding.Input
	errors   []finding.InputError
	findings []finding.Finding
	waivers  []finding.WaiverUse
	summary  finding.Summary
	checked  map[string]int
}

// Add checks the report of one shard against those added before and
// keeps what the merge takes of it. The part is not modified.
func (m *Merger) Add(p Part) error {
	if err := checkOne(p); err != nil {
		return err
	}
	if m.pieces == nil {
		m.first, m.info = p, report.FrameworkInfoOf(p.Report.Frameworks)
		m.pieces = map[int]piece{}
	}
	if err := m.check(p); err != nil {
		return err
	}
	r := p.Report
	pc := piece{name: p.Name, inputs: r.Inputs, errors: r.Errors, findings: r.Findings, waivers: r.Waivers, summary: r.Summary,
		checked: make(map[string]int, len(r.Rules))}
	for _, rr := range r.Rules {
		pc.checked[rr.Rule.ID] = rr.Checked
	}
	if err := m.claim(p); err != nil {
		return err
	}
	m.pieces[r.Shard.Index] = pc
	return nil
}

// Result makes the report of the whole run, once every shard is added.
func (m *Merger) Result() (*finding.Result, error) {
	if m.pieces == nil {
		return nil, errors.New("no report to merge")
	}
	first := m.first.Report
	for i := range first.Shard.Count {
		if _, ok := m.pieces[i]; !ok {
			return nil, fmt.Errorf("shard %d of %d is missing", i, first.Shard.Count)
		}
	}
	for place := 1; place <= first.Shard.Inputs; place++ {
		if _, ok := m.places[place]; !ok {
			return nil, fmt.Errorf("input %d of the %d the run walked is in no shard's report: a report is incomplete or was edited", place, first.Shard.Inputs)
		}
	}
	res := &finding.Result{
		Schema:             first.Schema,
		Tool:               first.Tool,
		FingerprintVersion: first.FingerprintVersion,
		Bundles:            first.Bundles,
		Inputs:             []finding.Input{},
		Errors:             []finding.InputError{},
		Findings:           []finding.Finding{},
	}
	// In shard order, so that what shares a place keeps its order.
	checked := map[string]int{}
	var waivers [][]finding.WaiverUse
	for i := range first.Shard.Count {
		pc := m.pieces[i]
		for _, in := range pc.inputs {
			if in.Counts != nil {
				in.Checked, in.Types = in.Counts.Checked, in.Counts.Types
			}
			res.Inputs = append(res.Inputs, in)
		}
		res.Errors = append(res.Errors, pc.errors...)
		res.Findings = append(res.Findings, pc.findings...)
		res.Summary.Resources += pc.summary.Resources
		res.Summary.NotEvaluated += pc.summary.NotEvaluated
		for id, n := range pc.checked {
			checked[id] += n
		}
		waivers = append(waivers, pc.waivers)
	}
	// Each part lists its inputs in the run's order: a stable sort by
	// place interleaves them as the single run lists them.
	sort.SliceStable(res.Inputs, func(i, j int) bool { return res.Inputs[i].Order < res.Inputs[j].Order })
	sort.SliceStable(res.Errors, func(i, j int) bool { return res.Errors[i].Order < res.Errors[j].Order })
	for i := range res.Inputs {
		res.Inputs[i].Order, res.Inputs[i].Counts = 0, nil
	}
	for i := range res.Errors {
		res.Errors[i].Order = 0
	}
	finding.Sort(res.Findings)
	res.Waivers = mergeWaivers(waivers)

	rules := make([]finding.Rule, len(first.Rules))
	for i, rr := range first.Rules {
		rules[i] = rr.Rule
	}
	res.Rules = report.RuleResults(rules, res.Findings, checked)
	res.Frameworks = report.FrameworksOf(res.Rules, res.Findings, m.info, res.Inputs)
	res.Tally(first.Shard.Gate)
	return res, nil
}

// claim records the places of the run that part p reports. A place out
// of the run's range, or already reported by another shard, is refused:
// the merge would count an input twice, or one a shard made up.
func (m *Merger) claim(p Part) error {
	if m.places == nil {
		m.places = map[int]string{}
	}
	var places []int
	for _, in := range p.Report.Inputs {
		places = append(places, in.Order)
	}
	for _, e := range p.Report.Errors {
		places = append(places, e.Order)
	}
	n := p.Report.Shard.Inputs
	for _, place := range places {
		switch other, seen := m.places[place]; {
		case place < 1 || place > n:
			return fmt.Errorf("%s: an input at place %d of a run of %d: not a report that tenet wrote", p.Name, place, n)
		case seen && other != p.Name:
			return fmt.Errorf("%s and %s both report input %d of the run: a report was edited or comes from another run", other, p.Name, place)
		}
		m.places[place] = p.Name
	}
	return nil
}

// checkOne refuses a report that is not a whole shard's.
func checkOne(p Part) error {
	switch sh := p.Report.Shard; {
	case sh == nil:
		return fmt.Errorf("%s: not the report of a shard (tenet test --shard K/N -o json=FILE)", p.Name)
	case sh.Brief:
		return fmt.Errorf("%s: a brief json report (--brief-json) leaves out what a merge needs", p.Name)
	case p.Report.Baseline != nil:
		return fmt.Errorf("%s: compared with a baseline; give the baseline to the merge instead", p.Name)
	}
	return nil
}

// check refuses a part that is not a shard of the first part's run, by
// the same tenet with the same policies, or a shard already added.
func (m *Merger) check(p Part) error {
	first := m.first
	r, sh, fsh := p.Report, p.Report.Shard, first.Report.Shard
	switch {
	case sh.Count != fsh.Count:
		return fmt.Errorf("%s is shard %d of %d, %s of %d: shards of different runs", p.Name, sh.Index, sh.Count, first.Name, fsh.Count)
	case sh.Index < 0 || sh.Index >= sh.Count:
		return fmt.Errorf("%s: shard %d of %d does not exist", p.Name, sh.Index, sh.Count)
	case sh.Inputs != fsh.Inputs || sh.Digest != fsh.Digest:
		return fmt.Errorf("%s and %s were made from different inputs (%d and %d paths, digests %s and %s): every shard must walk the same paths of the same checkout", first.Name, p.Name, fsh.Inputs, sh.Inputs, fsh.Digest, sh.Digest)
	case sh.Gate != fsh.Gate:
		return fmt.Errorf("%s and %s were run with different --fail-on-warn, --unknown, --fail-on-unevaluated or --fail-on-stale-waivers", first.Name, p.Name)
	case r.Tool != first.Report.Tool:
		return fmt.Errorf("%s was made by %s %s, %s by %s %s", p.Name, r.Tool.Name, r.Tool.Version, first.Name, first.Report.Tool.Name, first.Report.Tool.Version)
	}
	if _, dup := m.pieces[sh.Index]; dup {
		return fmt.Errorf("shard %d of %d is given twice: %s and %s", sh.Index, sh.Count, m.pieces[sh.Index].name, p.Name)
	}
	if err := sameBundles(first, p); err != nil {
		return err
	}
	return sameRules(first, p)
}

func sameBundles(a, b Part) error {
	byName := map[string]finding.Bundle{}
	for _, x := range a.Report.Bundles {
		byName[x.Name] = x
	}
	for _, y := range b.Report.Bundles {
		x, ok := byName[y.Name]
		switch {
		case !ok:
			return fmt.Errorf("bundle %s is in %s, not in %s", y.Name, b.Name, a.Name)
		case x != y:
			return fmt.Errorf("bundle %s differs: revision %q from %s in %s, revision %q from %s in %s", y.Name, x.Revision, x.Source, a.Name, y.Revision, y.Source, b.Name)
		}
	}
	if len(a.Report.Bundles) != len(b.Report.Bundles) {
		return fmt.Errorf("%s and %s were made with different bundles", a.Name, b.Name)
	}
	return nil
}

func sameRules(a, b Part) error {
	byID := map[string]finding.Rule{}
	for _, rr := range a.Report.Rules {
		byID[rr.Rule.ID] = rr.Rule
	}
	for _, rr := range b.Report.Rules {
		r, ok := byID[rr.Rule.ID]
		switch {
		case !ok:
			return fmt.Errorf("rule %s is in %s, not in %s: run every shard with the same rules", rr.Rule.ID, b.Name, a.Name)
		case !reflect.DeepEqual(r, rr.Rule):
			return fmt.Errorf("rule %s differs between %s and %s: run every shard with the same policies", rr.Rule.ID, a.Name, b.Name)
		}
	}
	if len(a.Report.Rules) != len(b.Report.Rules) {
		return fmt.Errorf("%s has %d rules, %s %d: run every shard with the same rules", a.Name, len(a.Report.Rules), b.Name, len(b.Report.Rules))
	}
	return nil
}

// mergeWaivers merges the waivers of the parts, given in shard order. The
// waivers of the waiver files are in every part, first: each is active
// when it covered a finding in any part (Matched adds up), stale only when
// stale in all. Those from annotations are in the part of their input and
// go, as in one run, after them in the order of their inputs.
func mergeWaivers(parts [][]finding.WaiverUse) []finding.WaiverUse {
	var given, inline []finding.WaiverUse
	index := map[string]int{} // a given waiver's key -> its place in given
	for _, ws := range parts {
		for _, w := range ws {
			if w.Order > 0 {
				inline = append(inline, w)
				continue
			}
			key := fmt.Sprintf("%#v", w.Waiver)
			i, seen := index[key]
			if !seen {
				index[key] = len(given)
				given = append(given, w)
				continue
			}
			g := &given[i]
			g.Matched += w.Matched
			if w.State == finding.WaiverActive {
				g.State = finding.WaiverActive
			}
		}
	}
	sort.SliceStable(inline, func(i, j int) bool { return inline[i].Order < inline[j].Order })
	for i := range inline {
		inline[i].Order = 0
	}
	return append(given, inline...)
}

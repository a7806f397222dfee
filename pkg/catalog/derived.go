package catalog

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Derived frameworks take their coverage from the rules' mappings to
// another framework, their base, instead of from mappings of their own:
//
//   - a profile ("profile_of" and "select") is a selection of the base's
//     controls, as a baseline is: FedRAMP Moderate selects 323 controls of
//     NIST SP 800-53 Rev. 5. A rule mapped to a selected base control
//     covers the profile's control of the same id. The profile lists ids
//     only; titles and families come from the base catalog.
//   - a crosswalk ("derived_from") is a framework of its own ids and
//     titles whose controls are related to base controls by a published
//     mapping (ISO/IEC 27001:2022 Annex A from NIST SP 800-53 Rev. 5). A
//     rule mapped to a related base control covers the derived control; a
//     control enhancement ("SC-28(1)") counts for the relations of its base
//     control ("SC-28") too, since it strengthens that control and the
//     published crosswalks relate base controls.
//
// Load checks the definitions, then expands them into ordinary per-rule
// controls, so that every consumer (reports, `tenet frameworks`,
// --framework) sees a derived framework as any other. A rule cannot map
// to a derived framework by hand: its numbers would then mix two sources.

// derived tells whether f takes its coverage from another framework.
func (f Framework) derived() bool { return f.ProfileOf != "" || f.DerivedFrom != nil }

// base is the key of the framework f is derived from.
func (f Framework) base() string {
	if f.DerivedFrom != nil {
		return f.DerivedFrom.Framework
	}
	return f.ProfileOf
}

// resolveDerived checks every derived framework and fills the controls of
// the profiles from their base catalogs. The error names the first
// framework, in key order, whose definition is wrong, with its first few
// problems, in one line.
func (c *Catalog) resolveDerived() error {
	keys := slices.Sorted(maps.Keys(c.Frameworks))
	for _, k := range keys {
		f := c.Frameworks[k]
		if !f.derived() {
			continue
		}
		problems := derivedProblems(k, f, c.Frameworks)
		if len(problems) > 0 {
			if len(problems) > maxProblems {
				problems = append(problems[:maxProblems], fmt.Sprintf("and %d more", len(problems)-maxProblems))
			}
			return &PolicyError{File: f.file, Err: fmt.Errorf("framework %s: %s", short(k), strings.Join(problems, "; "))}
		}
		if f.ProfileOf != "" {
			base := c.Frameworks[f.ProfileOf]
			f.Controls = make(map[string]ControlInfo, len(f.Select))
			for _, id := range f.Select {
				f.Controls[id] = base.Controls[id]
			}
			f.Partial = f.Partial || base.Partial
			c.Frameworks[k] = f
		}
	}
	return nil
}

// derivedProblems describes what is wrong with the definition of the
// derived framework k.
func derivedProblems(k string, f Framework, frameworks map[string]Framework) []string {
	var problems []string
	if f.ProfileOf != "" && f.DerivedFrom != nil {
		return []string{"profile_of and derived_from both set: a framework is either a profile of its base or a crosswalk from it"}
	}
	field := "profile_of"
	if f.DerivedFrom != nil {
		field = "derived_from.framework"
	}
	baseKey := f.base()
	base, ok := frameworks[baseKey]
	switch {
	case baseKey == "":
		return []string{field + " names no framework"}
	case baseKey == k:
		return []string{field + " names the framework itself"}
	case !ok:
		others := maps.Clone(frameworks)
		delete(others, k)
		return []string{fmt.Sprintf("%s: unknown framework %q%s", field, short(baseKey), frameworkHint(baseKey, others))}
	case base.derived():
		return []string{fmt.Sprintf("%s: framework %q is itself derived from %q; derive from %q directly", field, baseKey, base.base(), base.base())}
	}
	notInBase := func(what, id string) string {
		hint := ""
		if s := nearestControl(id, base.Controls); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		return fmt.Sprintf("%s %q is not in the %s catalog%s", what, short(id), baseKey, hint)
	}
	if f.ProfileOf != "" {
		if len(f.Controls) > 0 {
			problems = append(problems, "a profile lists the ids it selects in select, not controls (titles come from "+baseKey+")")
		}
		if len(f.Select) == 0 {
			problems = append(problems, "select lists no control")
		}
		seen := map[string]bool{}
		for _, id := range f.Select {
			switch {
			case seen[id]:
				problems = append(problems, fmt.Sprintf("control %q selected twice", short(id)))
			case !hasControl(base, id):
				problems = append(problems, notInBase("control", id))
			}
			seen[id] = true
		}
		return problems
	}
	if len(f.Select) > 0 {
		problems = append(problems, "select is for profiles (profile_of); a crosswalk lists its controls in controls")
	}
	if len(f.Controls) == 0 {
		problems = append(problems, "controls lists no control")
	}
	if len(f.DerivedFrom.Map) == 0 {
		problems = append(problems, "derived_from.map relates no control")
	}
	for _, id := range slices.SortedFunc(maps.Keys(f.DerivedFrom.Map), controlCompare) {
		if _, ok := f.Controls[id]; !ok {
			problems = append(problems, fmt.Sprintf("derived_from.map: control %q is not in the framework's own controls", short(id)))
			continue
		}
		for _, b := range f.DerivedFrom.Map[id] {
			if !hasControl(base, b) {
				problems = append(problems, "derived_from.map["+short(id)+"]: "+notInBase("control", b))
			}
		}
	}
	return problems
}

// controlCompare orders control ids as reports do (AC-2 before AC-10).
func controlCompare(a, b string) int {
	switch {
	case finding.ControlLess(a, b):
		return -1
	case finding.ControlLess(b, a):
		return 1
	}
	return strings.Compare(a, b)
}

func hasControl(f Framework, id string) bool {
	_, ok := f.Controls[id]
	return ok
}

// expandDerived adds to every rule the controls of each derived framework
// that its mappings to the base framework cover.
func (c *Catalog) expandDerived() {
	type expansion struct {
		key, base string
		// related maps a base control id to the derived ids it covers.
		related map[string][]string
		// rollUp: an enhancement also covers what its base control does.
		rollUp bool
	}
	var exps []expansion
	for _, k := range slices.Sorted(maps.Keys(c.Frameworks)) {
		f := c.Frameworks[k]
		switch {
		case f.ProfileOf != "":
			rel := make(map[string][]string, len(f.Select))
			for _, id := range f.Select {
				rel[id] = []string{id}
			}
			exps = append(exps, expansion{key: k, base: f.ProfileOf, related: rel})
		case f.DerivedFrom != nil:
			rel := map[string][]string{}
			for id, bases := range f.DerivedFrom.Map {
				for _, b := range bases {
					rel[b] = append(rel[b], id)
				}
			}
			exps = append(exps, expansion{key: k, base: f.DerivedFrom.Framework, related: rel, rollUp: true})
		}
	}
	if len(exps) == 0 {
		return
	}
	for i := range c.Rules {
		r := &c.Rules[i]
		var added map[string][]string
		for _, e := range exps {
			ids := r.Controls[e.base]
			if len(ids) == 0 {
				continue
			}
			set := map[string]bool{}
			for _, id := range ids {
				for _, d := range e.related[id] {
					set[d] = true
				}
				if base, ok := enhancementOf(id); ok && e.rollUp {
					for _, d := range e.related[base] {
						set[d] = true
					}
				}
			}
			if len(set) == 0 {
				continue
			}
			if added == nil {
				added = map[string][]string{}
			}
			added[e.key] = slices.SortedFunc(maps.Keys(set), controlCompare)
		}
		if added != nil {
			// A new map: the rule's own may be shared with its metadata.
			controls := maps.Clone(r.Controls)
			maps.Copy(controls, added)
			r.Controls = controls
		}
	}
}

// enhancementOf returns the base control of a control enhancement written
// as SP 800-53 writes it ("SC-28(1)" -> "SC-28").
func enhancementOf(id string) (string, bool) {
	i := strings.IndexByte(id, '(')
	if i <= 0 || !strings.HasSuffix(id, ")") {
		return "", false
	}
	return id[:i], true
}

// derivedFrameworkProblem is the problem of a rule that maps to a derived
// framework by hand, "" when fw is not derived.
func derivedFrameworkProblem(key string, fw Framework) string {
	if !fw.derived() {
		return ""
	}
	kind := "a profile of"
	if fw.DerivedFrom != nil {
		kind = "derived through a crosswalk from"
	}
	return fmt.Sprintf("framework %q is %s %s and takes its controls from the rules' %s mappings: map the rule to %s instead", short(key), kind, fw.base(), fw.base(), fw.base())
}

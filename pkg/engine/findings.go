package engine

import (
	"strings"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// findings turns the values of evs into findings located in doc.
func (e *Engine) findings(evs []catalog.Eval, values []any, doc input.Document, index map[string]*input.Resource) []finding.Finding {
	var out []finding.Finding
	var excepted map[string]string // rule id -> exception ref
	for i, ev := range evs {
		v := values[i]
		if v == nil {
			continue
		}
		if ev.Exception {
			excepted = exceptions(excepted, ev, v)
			continue
		}
		rule := e.rules[ev.RuleID]
		for _, f := range decodeFindings(v, ev) {
			f.RuleID, f.Kind, f.Severity = rule.ID, ev.Kind, rule.Severity
			if e.builtin[ev.RuleID] {
				// The built-in rules' result objects carry no more than
				// the finding says.
				f.Metadata = nil
			}
			setLocation(&f, doc, index)
			out = append(out, f)
		}
	}
	for i := range out {
		if ref, ok := excepted[out[i].RuleID]; ok {
			out[i].Waiver = &finding.Waiver{Rule: out[i].RuleID, Resource: out[i].Resource, Input: out[i].File,
				Reason: "exception rule of the policy", Source: ref}
		}
	}
	return out
}

// setLocation sets the file and line of f: those of the resource it names
// when the format gives them, else the document's path.
func setLocation(f *finding.Finding, doc input.Document, index map[string]*input.Resource) {
	f.File, f.Line = doc.Source.Path, 0
	if r, ok := index[f.Resource]; ok && r.Location.File != "" {
		f.File, f.Line = r.Location.File, attributeLine(r.Location, f.Attribute)
	}
}

// attributeLine is the line of attribute attr, or of the nearest block
// that holds it, when the format gives attribute lines; else the
// resource's line.
// Rules name attributes with or without list indexes
// (recording_group.all_supported for recording_group.0.all_supported):
// both forms are looked up.
func attributeLine(l input.Location, attr string) int {
	if attr == "" || len(l.Attributes) == 0 {
		return l.Line
	}
	plain := map[string]int{}
	for k, line := range l.Attributes {
		if p := withoutIndexes(k); p != k {
			if prev, ok := plain[p]; !ok || line < prev {
				plain[p] = line // the first item's line
			}
		}
	}
	for attr != "" {
		if line, ok := l.Attributes[attr]; ok {
			return line
		}
		if line, ok := plain[attr]; ok {
			return line
		}
		i := strings.LastIndexByte(attr, '.')
		if i < 0 {
			break
		}
		attr = attr[:i]
	}
	return l.Line
}

// withoutIndexes drops the list indexes of a dotted path.
func withoutIndexes(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

// exceptions adds the rules that a conftest-style exception rule's value
// excepts, as conftest reads it: a set of lists of names, where "foo"
// excepts deny_foo and violation_foo, and "" excepts deny and violation.
func exceptions(acc map[string]string, ev catalog.Eval, v any) map[string]string {
	pkg := strings.TrimSuffix(ev.RuleID, ".exception")
	lists, _ := v.([]any)
	for _, l := range lists {
		names, _ := l.([]any)
		for _, n := range names {
			name, ok := n.(string)
			if !ok {
				continue
			}
			if acc == nil {
				acc = map[string]string{}
			}
			for _, prefix := range []string{"deny", "violation"} {
				id := pkg + "." + prefix
				if name != "" {
					id += "_" + name
				}
				acc[id] = ev.Ref
			}
		}
	}
	return acc
}

func resourceIndex(doc input.Document) map[string]*input.Resource {
	idx := make(map[string]*input.Resource, len(doc.Resources))
	for i := range doc.Resources {
		idx[doc.Resources[i].Address] = &doc.Resources[i]
	}
	return idx
}

// check is what countChecked counts for one rule of a group: the
// resources of types, or the document as a whole (1) when types is nil.
type check struct {
	rule  string
	types []string
}

// checks lists, once per rule of evs, what countChecked counts for it in
// a document of target. A rule that is off checks nothing: it is neither
// applicable nor passed.
func (e *Engine) checks(evs []catalog.Eval, target string) []check {
	var out []check
	seen := map[string]bool{}
	for _, ev := range evs {
		rule := e.rules[ev.RuleID]
		if seen[ev.RuleID] || rule.Off != "" {
			continue
		}
		seen[ev.RuleID] = true
		c := check{rule: rule.ID}
		for _, s := range rule.Selectors {
			if s.Type == target {
				c.types = append(c.types, s.ResourceTypes...)
			}
		}
		out = append(out, c)
	}
	return out
}

// countChecked adds, for every rule of the group, the resources of its
// selector types that the document holds. Deleted resources and data
// sources are not checked: the rule helpers skip them too.
func countChecked(checks []check, doc input.Document, checked map[string]int) {
	byType := map[string]int{}
	for _, r := range doc.Resources {
		if r.Action == input.ActionDelete || r.Mode == "data" {
			continue
		}
		byType[r.Type]++
	}
	for _, c := range checks {
		n := 1 // a rule on the document as a whole
		if c.types != nil {
			n = 0
			for _, t := range c.types {
				n += byType[t]
			}
		}
		checked[c.rule] += n
	}
}

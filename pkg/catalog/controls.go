package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// maxProblems is how many problems of one rule's mapping, and how many
// other rules, the error spells out; it stays one readable line.
const maxProblems = 5

// checkControls refuses a rule whose custom.controls names a framework
// without a loaded catalog, or a control its catalog does not list. Either
// would change the compliance numbers silently: an unknown key became a
// framework of its own, fully covered; an unknown id one more control of
// its framework in a scan's report but not in `tenet frameworks`.
//
// A partial catalog (one that lists only the controls tenet's rules map
// to) is held to the same rule: it is the list of the ids a rule may use,
// so the numbers of every report agree, and a control missing from it is
// added to the frameworks bundle, not guessed from the form of its id.
//
// The error names the first rule in id order with all its problems, and
// the others by id and file, so that one run shows every rule to fix.
func (c *Catalog) checkControls() error {
	var first *PolicyError
	var others []string
	for _, r := range c.Rules {
		problems, more := controlProblems(r, c.Frameworks)
		if len(problems) == 0 {
			continue
		}
		if first == nil {
			if more > 0 {
				problems = append(problems, fmt.Sprintf("and %d more", more))
			}
			first = &PolicyError{File: r.File, Err: fmt.Errorf("rule %s: custom.controls: %s", r.ID, strings.Join(problems, "; "))}
			continue
		}
		others = append(others, r.ID+" in "+r.File)
	}
	if first == nil {
		return nil
	}
	switch n := len(others); {
	case n == 1:
		first.Err = fmt.Errorf("%w (and 1 more rule with a bad control mapping: %s)", first.Err, others[0])
	case n > maxProblems:
		first.Err = fmt.Errorf("%w (and %d more rules with bad control mappings: %s, ...)", first.Err, n, strings.Join(others[:maxProblems], ", "))
	case n > 1:
		first.Err = fmt.Errorf("%w (and %d more rules with bad control mappings: %s)", first.Err, n, strings.Join(others, ", "))
	}
	return first
}

// controlProblems describes what is wrong with the control mapping of r,
// in framework key order: the first maxProblems problems, and how many
// more there are (their hints, which search the catalogs, are not worth
// computing).
func controlProblems(r finding.Rule, frameworks map[string]Framework) (problems []string, more int) {
	keys := make([]string, 0, len(r.Controls))
	for k := range r.Controls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 0 && len(frameworks) == 0 {
		// A library caller that left out the frameworks bundle.
		return []string{"no framework catalog is loaded to check " + strings.Join(keys, ", ") + " against"}, 0
	}
	full := func() bool {
		if len(problems) < maxProblems {
			return false
		}
		more++
		return true
	}
	for _, k := range keys {
		fw, ok := frameworks[k]
		switch {
		case !ok:
			if !full() {
				problems = append(problems, fmt.Sprintf("unknown framework %q%s", short(k), frameworkHint(k, frameworks)))
			}
			continue
		case fw.derived():
			if !full() {
				problems = append(problems, derivedFrameworkProblem(k, fw))
			}
			continue
		case len(r.Controls[k]) == 0:
			if !full() {
				problems = append(problems, fmt.Sprintf("framework %q has no control ids", short(k)))
			}
			continue
		}
		for _, id := range r.Controls[k] {
			if _, ok := fw.Controls[id]; ok || full() {
				continue
			}
			hint := ""
			if s := nearestControl(id, fw.Controls); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			} else if fw.Partial {
				hint = " (a partial catalog: it lists only the controls tenet's rules map to)"
			}
			problems = append(problems, fmt.Sprintf("control %q is not in the %s catalog%s", short(id), k, hint))
		}
	}
	return problems, more
}

// frameworkHint suggests the keys an unknown framework key was probably
// meant to be: those it is the start of (a version left out), else those
// within a few edits; failing both, it lists every key.
func frameworkHint(key string, frameworks map[string]Framework) string {
	keys := make([]string, 0, len(frameworks))
	for k := range frameworks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var near []string
	for _, k := range keys {
		if key != "" && strings.HasPrefix(k, key) {
			near = append(near, k)
		}
	}
	if len(near) == 0 {
		best := 4 // more edits than this is another framework, not a typo
		for _, k := range keys {
			if lenGap(key, k) > best {
				continue // the distance is at least the gap
			}
			switch d := distance(strings.ToLower(key), k); {
			case d < best:
				best, near = d, []string{k}
			case d == best:
				near = append(near, k)
			}
		}
	}
	if len(near) == 0 {
		return " (frameworks: " + strings.Join(keys, ", ") + ")"
	}
	quoted := make([]string, len(near))
	for i, k := range near {
		quoted[i] = fmt.Sprintf("%q", k)
	}
	return " (did you mean " + strings.Join(quoted, " or ") + "?)"
}

// nearestControl returns the control id that id was probably meant to be:
// the one it equals but for case and spaces, else the only one a single
// edit away; "" when there is none or no single one.
func nearestControl(id string, controls map[string]ControlInfo) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	want := norm(id)
	var near []string
	for c := range controls {
		n := norm(c)
		if n == want {
			return c
		}
		if lenGap(want, n) <= 1 && distance(want, n) == 1 {
			near = append(near, c)
		}
	}
	if len(near) == 1 {
		return near[0]
	}
	return ""
}

// short cuts a key or id to a length that keeps the error one line.
func short(s string) string {
	const limit = 64
	if len(s) <= limit {
		return s
	}
	return strings.ToValidUTF8(s[:limit], "") + "..."
}

// lenGap is how much longer one of a and b is than the other: a lower
// bound of their distance, cheap enough to skip a long id before distance
// would take its square.
func lenGap(a, b string) int { return max(len(a)-len(b), len(b)-len(a)) }

// distance is the Levenshtein distance between a and b, in bytes: the ids
// and keys it compares are ASCII.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

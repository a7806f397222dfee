package engine

import (
	"strconv"
	"strings"
	"sync"
)

// Applicability: a built-in rule judges the resources of its selector
// types, so in a document that holds none of them it finds nothing, and
// the engine does not evaluate it. On a document, OPA spends time on every
// rule it is asked for, even one with nothing to read: about 7 µs a rule,
// more than a manifest's own evaluation once a Kubernetes file holds only
// two or three kinds. The document is then evaluated with a query over the
// applicable rules only, prepared once per set of rules.

// maxSubsets bounds the prepared queries kept per group (a long `tenet
// watch` may see many kinds of documents); past it, the whole group's
// query is used.
const maxSubsets = 1024

// subsets holds a group's queries over subsets of its evals.
type subsets struct {
	mu      sync.Mutex
	queries map[string]*query
	// build makes the query over the evals at idx, compiled in u.
	build func(u *unit, idx []int) *query
}

// applicable returns the positions of g's evals that may find something in
// a document holding the resource types present (keys with resources, as
// resourcesByType gives), and whether that is all of them.
func (g *group) applicable(present map[string][]int) (idx []int, all bool) {
	all = true
	for i, types := range g.judged {
		if types == nil || anyPresent(types, present) {
			idx = append(idx, i)
		} else {
			all = false
		}
	}
	return idx, all
}

func anyPresent(types []string, present map[string][]int) bool {
	for _, t := range types {
		if len(present[t]) > 0 {
			return true
		}
	}
	return false
}

// query returns the query over g's evals at idx (sorted): the whole
// group's for all of them.
func (g *group) query(idx []int, all bool) *query {
	if all {
		return g.whole
	}
	key := subsetKey(idx)
	g.subsets.mu.Lock()
	defer g.subsets.mu.Unlock()
	if q, ok := g.subsets.queries[key]; ok {
		return q
	}
	if len(g.subsets.queries) >= maxSubsets {
		return g.whole
	}
	q := g.subsets.build(g.sub.unit(g.evals, idx), idx)
	g.subsets.queries[key] = q
	return q
}

// subsetKey names the subset of a group's evals at idx.
func subsetKey(idx []int) string {
	var b strings.Builder
	for _, i := range idx {
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(',')
	}
	return b.String()
}

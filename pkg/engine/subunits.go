package engine

import (
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
)

// Sub-units: a small plan holds a few resource types, and only the rules
// of those types are evaluated on it (applicable.go), but they compiled in
// their target's unit, with every Terraform rule: on a 16 KB plan of IAM
// resources, compiling was two thirds of the scan's CPU. A subset of a
// group's rules small enough (subUnitShare) compiles instead in a unit of
// its own, with the packages its rules need and those they refer to, as a
// target's unit is made from all of its rules. A scan of many documents
// that need different subsets would compile each, and most scans of many
// plans need the whole unit anyway: with four sub-units, a scan of the 38
// plans of ../shared/data took 0.05 s longer than with none. So a group
// makes maxSubUnits, and its other subsets compile in the whole unit,
// which a scan compiles at most once.

const (
	// subUnitShare: a subset compiles in a unit of its own when it holds at
	// most one in subUnitShare of its group's rules.
	subUnitShare = 4
	// maxSubUnits is how many sub-units a group makes.
	maxSubUnits = 1
)

// subUnits hands out the units a group's subsets of rules compile in.
type subUnits struct {
	whole *unit
	make  func(roots []string) *unit // nil: every subset compiles in whole
	mu    sync.Mutex
	made  int
}

// unit is the unit the query over evs at idx compiles in.
func (s *subUnits) unit(evs []catalog.Eval, idx []int) *unit {
	if !s.small(evs, idx) {
		return s.whole
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.made == maxSubUnits {
		return s.whole
	}
	s.made++
	return s.make(evalPackages(evs, idx))
}

// evalPackages lists the packages of the evals of evs at idx, each once.
func evalPackages(evs []catalog.Eval, idx []int) []string {
	var pkgs []string
	for _, i := range idx {
		if p, _ := splitRef(evs[i].Ref); !slices.Contains(pkgs, p) {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs
}

// small tells whether the subset of evs at idx is small enough for a unit
// of its own.
func (s *subUnits) small(evs []catalog.Eval, idx []int) bool {
	return s.make != nil && len(idx)*subUnitShare <= len(evs)
}

// wouldMake tells whether unit would make a unit for the subset of evs at
// idx, as things stand.
func (s *subUnits) wouldMake(evs []catalog.Eval, idx []int) bool {
	if !s.small(evs, idx) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.made < maxSubUnits
}

// shardsApart holds the queries of a group's shards compiled in a unit of
// their own, and the evals they hold.
type shardsApart struct {
	mu      sync.Mutex
	key     string
	queries []*query
}

// shardsApart returns, for a document evaluated in shards, the queries of
// the shards at order (those holding a rule that applies to it) compiled
// in a unit of their own, when their rules are few enough for one (small):
// a large plan of a few types compiles the rules of their shards, as a
// small one compiles its rules (TestSubUnitsSharded). Each has its shard's
// rules and types, at its shard's position; nil when the shards compile in
// the whole unit.
func (g *group) shardsApart(shards []*query, order []int) []*query {
	var idx []int
	for _, i := range order {
		idx = append(idx, shards[i].index...)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	if !g.sub.small(g.evals, idx) {
		return nil
	}
	key := subsetKey(idx)
	g.apart.mu.Lock()
	defer g.apart.mu.Unlock()
	if g.apart.queries != nil && g.apart.key == key {
		return g.apart.queries
	}
	u := g.sub.unit(g.evals, idx)
	if u == g.sub.whole {
		return nil
	}
	queries := make([]*query, len(shards))
	for _, i := range order {
		q := g.subsets.build(u, shards[i].index)
		q.types, q.perResource = shards[i].types, shards[i].perResource
		queries[i] = q
	}
	g.apart.key, g.apart.queries = key, queries
	return queries
}

// subUnitMaker makes the units of built-in groups' subsets: each holds the
// modules of its root packages and of the packages they refer to, found
// and parsed on its first compile. It is nil when a module from outside
// the built-ins is not apart from them (apart, customApart's answer for
// cat: a package in data.tenet): such a module may add rules to a built-in package from a
// package of its own (package tenet; aws.s3.versioning.deny contains ...),
// which a closure of the packages the rules are in would leave out.
func subUnitMaker(cat *catalog.Catalog, pkgs packages, apart bool, opts unitOptions) func(roots []string) *unit {
	if !apart {
		return nil
	}
	return func(roots []string) *unit {
		u := &unit{opts: opts}
		u.resolve = func() (map[string]*ast.Module, error) {
			mods, custom, err := pkgs.closure(cat, roots)
			u.custom = custom
			return mods, err
		}
		return u
	}
}

// compileParts is how many units the shards of a large document compile
// in, side by side: the rules of a plan of every type took 0.3 s of CPU
// to compile on one core, the other idle, most of a scan of 1,000
// resources. Each part compiles the libraries its rules use, so more
// parts than cores would only add to that.
const compileParts = 2

// split returns, for each of a group's shards (the indexes of evs each
// holds), the unit it compiles in: the group's shards dealt into up to
// parts units of their own, about as many rules in each, when its
// subsets may compile apart (make); otherwise the whole unit. A scan of
// a large document compiles these units, not the whole one, whatever its
// types (Warm); a document whose shards compile apart (shardsApart) or
// one too small to shard, the whole unit or a sub-unit as before.
func (s *subUnits) split(evs []catalog.Eval, shards [][]int, parts int) []*unit {
	out := make([]*unit, len(shards))
	if s.make == nil || parts < 2 || len(shards) < parts {
		for i := range out {
			out[i] = s.whole
		}
		return out
	}
	// Largest first, each to the part with the fewest rules so far.
	order := make([]int, len(shards))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(shards[b]) - len(shards[a]) })
	rules := make([]int, parts)
	members := make([][]int, parts)
	for _, i := range order {
		p := 0
		for q := range rules {
			if rules[q] < rules[p] {
				p = q
			}
		}
		rules[p] += len(shards[i])
		members[p] = append(members[p], i)
	}
	for _, m := range members {
		var idx []int
		for _, i := range m {
			idx = append(idx, shards[i]...)
		}
		u := s.make(evalPackages(evs, idx))
		for _, i := range m {
			out[i] = u
		}
	}
	return out
}

// shardQueries are the queries of g's shards that doc is evaluated with:
// compiled in parts side by side (subUnits.split) for a document of fewer
// than splitMax resources, in the target's whole unit for a larger one,
// whose loading and conversion keep the cores busy while it compiles:
// there the parts, each compiling the libraries its rules use, took
// longer (docs/performance.md).
func (e *Engine) shardQueries(g *group, doc input.Document) []*query {
	if len(doc.Resources) < e.splitMax {
		return g.parts()
	}
	return g.shards()
}

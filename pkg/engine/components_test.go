package engine

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestPerResourceRules holds the built-in rules that declare
// custom.input.per_resource to it: on the generated plan and on every plan
// and state of ../shared/data, each shard evaluated on groups of its
// components (random splits, and each component alone where there are
// few) finds, rule by rule, what it finds on all its resources at once.
// It also lists, under -v, the rules that do not declare it: those that
// pass here are candidates, those that fail must not.
func TestPerResourceRules(t *testing.T) {
	cat := builtinCatalog(t)
	docs := terraformDocs(t, cat, generatedSize(2000), 17)
	e, err := New(t.Context(), cat, Options{Parallel: 2, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	g := e.groups["terraform"]
	declared := map[string]bool{}
	for _, ev := range g.evals {
		if ev.PerResource {
			declared[ev.RuleID] = true
		}
	}
	differs := map[string]string{} // rule id: the first difference
	compared := map[string]int{}   // rule id: findings compared
	for name, data := range docs {
		doc, err := loader.Parse(t.Context(), name, data, loader.Options{})
		if err != nil || Target(doc.Source.Format) != "terraform" || doc.Source.Format == input.FormatTerraform {
			continue
		}
		terms, source := documentTerms(t, doc)
		index := resourceIndex(doc)
		joins := newJoinKeys(doc, 2)
		inputs := shardInputs(resourcesByType(doc), g.shards())
		eval := func(q *query, sel []int) map[string][]string {
			values, err := e.values(t.Context(), q, shardValue(doc, source, terms, sel), name)
			if err != nil {
				t.Fatal(err)
			}
			return byRule(e.findings(q.evals, values, doc, index))
		}
		for i, q := range g.shards() {
			if q.types == nil || len(inputs[i]) == 0 {
				continue
			}
			comps := components(inputs[i], joins)
			want := eval(q, inputs[i])
			for rule, fs := range want {
				compared[rule] += len(fs)
			}
			for _, split := range splits(comps) {
				got := map[string][]string{}
				for _, sel := range split {
					if len(sel) == 0 {
						continue // shardValue reads nil as the whole document
					}
					for rule, fs := range eval(q, sel) {
						got[rule] = append(got[rule], fs...)
					}
				}
				for _, ev := range q.evals {
					w, g := want[ev.RuleID], got[ev.RuleID]
					slices.Sort(g)
					if diff := cmp.Diff(w, g); diff != "" && differs[ev.RuleID] == "" {
						differs[ev.RuleID] = fmt.Sprintf("%s (-all at once +by component):\n%s", name, diff)
					}
				}
			}
		}
	}
	var candidates []string
	for _, ev := range g.evals {
		switch d := differs[ev.RuleID]; {
		case declared[ev.RuleID] && d != "":
			t.Errorf("%s declares custom.input.per_resource, but its findings depend on resources outside the components: %s", ev.RuleID, d)
			delete(differs, ev.RuleID)
		case !declared[ev.RuleID] && d == "" && compared[ev.RuleID] > 0:
			candidates = append(candidates, ev.RuleID)
		}
	}
	slices.Sort(candidates)
	t.Logf("%d rules declare per_resource; not declared and passing here (with findings): %s", len(declared), strings.Join(slices.Compact(candidates), " "))
	for rule, d := range differs {
		t.Logf("not per-resource: %s: %s", rule, d[:min(len(d), 1500)])
	}
}

// byRule lists fs by rule, each as a sorted list of strings, duplicates
// removed: evaluated at once, the findings of a rule are a set.
func byRule(fs []finding.Finding) map[string][]string {
	m := map[string][]string{}
	for _, f := range fs {
		m[f.RuleID] = append(m[f.RuleID], fmt.Sprintf("%+v", f))
	}
	for rule, s := range m {
		slices.Sort(s)
		m[rule] = slices.Compact(s)
	}
	return m
}

// splits partitions the resources of comps, whole components at a time:
// into two and three random groups (twice each), and, for a few
// components, into one group each.
func splits(comps [][]int) [][][]int {
	var out [][][]int
	for seed, n := range []int{2, 3, 2, 3} {
		rng := rand.New(rand.NewPCG(uint64(seed), uint64(len(comps))))
		groups := make([][]int, n)
		for _, c := range comps {
			k := rng.IntN(n)
			groups[k] = append(groups[k], c...)
		}
		out = append(out, groups)
	}
	if len(comps) > 1 && len(comps) <= 12 {
		out = append(out, comps)
	}
	for _, split := range out {
		for _, sel := range split {
			slices.Sort(sel)
		}
	}
	return out
}

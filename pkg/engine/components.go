package engine

import (
	"slices"

	"github.com/tenet-dev/tenet/internal/parallel"
	"github.com/tenet-dev/tenet/pkg/input"
)

// Components: the resources of a shard that lib/terraform's joins
// (referencing, referenced) can connect. Two resources are in one
// component when they share an address or a configuration address, when
// one refers to the other's configuration address, or when one holds, at
// any depth of its values or before, a string that is the other's id,
// bucket, name or arn (not empty: _identities). The findings of a rule
// that declares per-resource findings (catalog.Eval.PerResource) on the
// resources of a component depend on that component only, which
// TestPerResourceRules checks of every rule that declares it.

// identityKeys are the attributes by whose value lib/terraform joins
// resources without a reference (_identities).
var identityKeys = []string{"id", "bucket", "name", "arn"}

// joinKeys numbers what joins resources: the addresses, configuration
// addresses and identity values of a document's resources, each kind
// apart. own[i] are the ith resource's own keys; links[i] those of the
// resources it points at, by reference or by holding their identity
// value. components works on these numbers, shard after shard, without
// walking the values again.
type joinKeys struct {
	own, links [][]int32
}

// newJoinKeys numbers the join keys of doc's resources, walking their
// values with as many goroutines as workers.
func newJoinKeys(doc input.Document, workers int) joinKeys {
	ids := map[string]int32{}
	number := func(s string) int32 {
		n, ok := ids[s]
		if !ok {
			n = int32(len(ids))
			ids[s] = n
		}
		return n
	}
	k := joinKeys{own: make([][]int32, len(doc.Resources)), links: make([][]int32, len(doc.Resources))}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		// The prefixes keep the three kinds of key apart.
		own := []int32{number("a" + r.Address)}
		if r.ConfigAddress != "" {
			own = append(own, number("c"+r.ConfigAddress))
		}
		for _, key := range identityKeys {
			if v, ok := r.Values[key].(string); ok && v != "" {
				own = append(own, number("v"+v))
			}
		}
		k.own[i] = own
	}
	// ids is only read from here on.
	parallel.Ranges(workers, len(doc.Resources), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			r := &doc.Resources[i]
			var links []int32
			for _, targets := range r.Refs {
				for _, t := range targets {
					if n, ok := ids["c"+t]; ok {
						links = append(links, n)
					}
				}
			}
			visit := func(s string) {
				if len(s) == 0 {
					return
				}
				if n, ok := ids["v"+s]; ok && !slices.Contains(links, n) {
					links = append(links, n)
				}
			}
			walkStrings(r.Values, visit)
			walkStrings(r.Before, visit)
			k.links[i] = links
		}
	})
	return k
}

// walkStrings calls f on every string within v.
func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case map[string]any:
		for _, x := range v {
			walkStrings(x, f)
		}
	case []any:
		for _, x := range v {
			walkStrings(x, f)
		}
	}
}

// components partitions the resources at positions sel into their
// components, given their join keys (newJoinKeys). Each component lists
// positions in document order; components come in the order of their
// first resource.
func components(sel []int, keys joinKeys) [][]int {
	parent := make([]int, len(sel))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if a, b = find(a), find(b); a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	// first maps each key to the first resource of sel that has it, so
	// that the resources sharing one are joined through it.
	first := make(map[int32]int, 2*len(sel))
	for i, p := range sel {
		for _, n := range keys.own[p] {
			if j, ok := first[n]; ok {
				union(i, j)
			} else {
				first[n] = i
			}
		}
	}
	for i, p := range sel {
		for _, n := range keys.links[p] {
			if j, ok := first[n]; ok {
				union(i, j)
			}
		}
	}
	var out [][]int
	at := make(map[int]int, len(sel))
	for i, p := range sel {
		root := find(i)
		n, ok := at[root]
		if !ok {
			n = len(out)
			at[root] = n
			out = append(out, nil)
		}
		out[n] = append(out[n], p)
	}
	return out
}

package engine

import (
	"github.com/tenet-dev/tenet/pkg/input"
)

// components partitions the resources of doc at positions sel into the
// groups that lib/terraform's joins can connect (referencing, referenced):
// two resources are in one component when they share an address or a
// configuration address, when one refers to the other's configuration
// address, or when one holds, at any depth of its values, a string that is
// the other's id, bucket, name or arn. Each component lists
// positions in document order; components come in the order of their
// first resource.
func components(doc input.Document, sel []int) [][]int {
	parent := make([]int, len(sel))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if a, b = find(a), find(b); a != b {
			if a > b {
				a, b = b, a
			}
			parent[b] = a
		}
	}
	byConfig := map[string]int{}
	byAddress := map[string]int{}
	ident := map[string]int{}
	for i, p := range sel {
		r := &doc.Resources[p]
		// Resources that share an address (a data source read and a
		// managed resource of one name) would share their findings.
		if j, ok := byAddress[r.Address]; ok {
			union(i, j)
		} else {
			byAddress[r.Address] = i
		}
		if r.ConfigAddress != "" {
			if j, ok := byConfig[r.ConfigAddress]; ok {
				union(i, j)
			} else {
				byConfig[r.ConfigAddress] = i
			}
		}
		for _, k := range identityKeys {
			if v, ok := r.Values[k].(string); ok && v != "" {
				if j, ok := ident[v]; ok {
					union(i, j)
				} else {
					ident[v] = i
				}
			}
		}
	}
	for i, p := range sel {
		r := &doc.Resources[p]
		for _, targets := range r.Refs {
			for _, t := range targets {
				if j, ok := byConfig[t]; ok {
					union(i, j)
				}
			}
		}
		visit := func(s string) {
			if j, ok := ident[s]; ok {
				union(i, j)
			}
		}
		walkStrings(r.Values, visit)
		walkStrings(r.Before, visit)
	}
	var out [][]int
	at := map[int]int{}
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

// identityKeys are the attributes by whose value lib/terraform joins
// resources without a reference (_identities).
var identityKeys = []string{"id", "bucket", "name", "arn"}

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

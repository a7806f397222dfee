// Package bench generates the inputs of the peer benchmark (make
// bench-peers): Terraform plans of any size over the resource types the
// built-in rules judge, and directories of Kubernetes manifests. The output
// depends only on the size and the seed, so every run and every tool reads
// the same bytes.
package bench

import (
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// ResourceTypes lists, sorted, the resource types of target ("terraform" or
// "kubernetes") that some rule selects.
func ResourceTypes(rules []finding.Rule, target string) []string {
	seen := map[string]bool{}
	for _, r := range rules {
		for _, s := range r.Selectors {
			if s.Type != target {
				continue
			}
			for _, t := range s.ResourceTypes {
				seen[t] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// either returns good when compliant, otherwise bad.
func either[T any](compliant bool, good, bad T) T {
	if compliant {
		return good
	}
	return bad
}

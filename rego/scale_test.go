package rego_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tenet-dev/tenet/pkg/catalog"
	regolib "github.com/tenet-dev/tenet/rego"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestJoinIndexesScaleLinearly builds each of the library's join indexes
// over n and 8n resources that share every key in pairs, and fails when
// the time grows as the square of the input. OPA rehashes a whole object
// when a comprehension inserts a key it already holds, so an index whose
// keys come from the resources, one insert per resource, took n²/2 steps
// (13-19× the time for 4× the resources); built from a set of its keys,
// once each, it takes about 8× for 8×. The bound, 24×, lies between 8×
// and the square's 64×, with room for the collector, whose share grows
// with the heap.
func TestJoinIndexesScaleLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("times evaluations of up to 16,000 resources")
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "rego", FS: regolib.FS, Builtin: true}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	modules := cat.Modules
	// Each resource i shares its key with resource i^1.
	tests := []struct {
		index    string
		resource func(i int) map[string]any
	}{
		{"terraform._by_type", func(i int) map[string]any {
			return resource(i, fmt.Sprintf("t%d", i/2), nil, nil)
		}},
		{"terraform._by_config", func(i int) map[string]any {
			r := resource(i, "t", nil, nil)
			r["config_address"] = fmt.Sprintf("t.c%d", i/2)
			return r
		}},
		{"terraform._by_ref", func(i int) map[string]any {
			return resource(i, "t", nil, map[string]any{"target": []any{fmt.Sprintf("t.c%d", i/2)}})
		}},
		{"terraform._by_identity", func(i int) map[string]any {
			return resource(i, "t", map[string]any{"id": fmt.Sprintf("id%d", i/2)}, nil)
		}},
		{"terraform._by_value", func(i int) map[string]any {
			return resource(i, "t", map[string]any{"id": fmt.Sprintf("id%d", i), "peer": fmt.Sprintf("id%d", i/2)}, nil)
		}},
		{"kubernetes._by_kind", func(i int) map[string]any {
			return resource(i, fmt.Sprintf("K%d", i/2), nil, nil)
		}},
	}
	const n = 2000
	for _, tc := range tests {
		t.Run(tc.index, func(t *testing.T) {
			query := "count(data.tenet.lib." + tc.index + ")"
			small := fastest(t, modules, query, tc.resource, n)
			large := fastest(t, modules, query, tc.resource, 8*n)
			if ratio := float64(large) / float64(small); ratio > 24 {
				t.Errorf("%s: %v for %d resources, %v for %d: %.1f× for 8× the input", tc.index, small, n, large, 8*n, ratio)
			}
		})
	}
}

func resource(i int, typ string, values, refs map[string]any) map[string]any {
	if values == nil {
		values = map[string]any{}
	}
	if refs == nil {
		refs = map[string]any{}
	}
	return map[string]any{
		"address": fmt.Sprintf("%s.r%d", typ, i), "config_address": fmt.Sprintf("%s.r%d", typ, i),
		"type": typ, "mode": "managed", "action": "create", "values": values, "refs": refs,
	}
}

// fastest is the least CPU time of three evaluations of query over n
// resources.
func fastest(t *testing.T, modules map[string]*ast.Module, query string, resource func(int) map[string]any, n int) time.Duration {
	t.Helper()
	resources := make([]any, n)
	for i := range resources {
		resources[i] = resource(i)
	}
	input, err := ast.InterfaceToValue(map[string]any{"resources": resources})
	if err != nil {
		t.Fatal(err)
	}
	opts := []func(*rego.Rego){rego.Query(query)}
	for _, m := range modules {
		opts = append(opts, rego.ParsedModule(m))
	}
	pq, err := rego.New(opts...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	best := time.Duration(1<<63 - 1)
	for range 3 {
		runtime.GC() // no garbage of the run before
		start := bench.CPUTime()
		rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(input))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v %v", query, rs, err)
		}
		best = min(best, bench.CPUTime()-start)
	}
	if testing.Verbose() {
		t.Logf("%s over %d resources: %v", query, n, best)
	}
	return best
}

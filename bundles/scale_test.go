package bundles_test

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/test/bench"
)

// scaleCase is a rule that joins resources of several types, with the
// resources of one unit of a generated input: fastestEval repeats units, so
// that every type grows with the input.
type scaleCase struct {
	pkg  string                       // the rule's package, under data
	unit func(i int) []map[string]any // the resources of unit i
	// params is data.tenet.params, for the rules that parameters turn on.
	params map[string]any
}

// checkScale evaluates each case's deny and unknown sets over n and 8n
// units, and fails when the time grows as the square of the input: a rule
// that matches each resource against every resource of another type
// (networks × policies, file systems × selections) takes about 64× the
// time for 8× the input, where a rule that looks its matches up in an
// index built once takes about 8×. The bound between them, 24×, leaves
// room for the collector, whose share grows with the heap.
func checkScale(t *testing.T, n int, cases []scaleCase) {
	t.Helper()
	if testing.Short() {
		t.Skip("times evaluations of thousands of resources")
	}
	modules := builtinModules(t)
	for _, tc := range cases {
		t.Run(tc.pkg, func(t *testing.T) {
			query := fmt.Sprintf(`x := count([f | some k in {"deny", "unknown"}; some f in data.%s[k]])`, tc.pkg)
			pq := prepare(t, modules, query, tc.params)
			small, found := fastestEval(t, pq, tc.unit, n)
			large, _ := fastestEval(t, pq, tc.unit, scaleFactor*n)
			if found == 0 {
				t.Errorf("%s: no finding over %d units: the input does not reach the rule", tc.pkg, n)
			}
			if ratio := float64(large) / float64(small); ratio > maxRatio {
				t.Errorf("%s: %v for %d units, %v for %d: %.1f× for %d× the input", tc.pkg, small, n, large, scaleFactor*n, ratio, scaleFactor)
			}
		})
	}
}

// scaleFactor is how much larger the second input is; maxRatio bounds the
// ratio of their times: linear is scaleFactor, quadratic its square.
const (
	scaleFactor = 8
	maxRatio    = 24
)

// builtinModules is every module of the library and the bundles, tests
// excluded, as tenet loads them.
func builtinModules(t *testing.T) map[string]*ast.Module {
	t.Helper()
	sources, err := bundles.Sources(true)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat.Modules
}

func prepare(t *testing.T, modules map[string]*ast.Module, query string, params map[string]any) rego.PreparedEvalQuery {
	t.Helper()
	opts := []func(*rego.Rego){rego.Query(query)}
	if params != nil {
		opts = append(opts, rego.Store(inmem.NewFromObject(map[string]any{"tenet": map[string]any{"params": params}})))
	}
	for _, m := range modules {
		opts = append(opts, rego.ParsedModule(m))
	}
	pq, err := rego.New(opts...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pq
}

// fastestEval is the least CPU time of three evaluations over n units, and the
// number of findings.
func fastestEval(t *testing.T, pq rego.PreparedEvalQuery, unit func(int) []map[string]any, n int) (time.Duration, int) {
	t.Helper()
	var resources []any
	for i := range n {
		for _, r := range unit(i) {
			resources = append(resources, r)
		}
	}
	input, err := ast.InterfaceToValue(map[string]any{"resources": resources})
	if err != nil {
		t.Fatal(err)
	}
	best, found := time.Duration(1<<63-1), 0
	for range 3 {
		runtime.GC() // no garbage of the run before
		start := bench.CPUTime()
		rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(input))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%v %v", rs, err)
		}
		best = min(best, bench.CPUTime()-start)
		if n, err := rs[0].Bindings["x"].(json.Number).Int64(); err == nil {
			found = int(n)
		}
	}
	if testing.Verbose() {
		t.Logf("%d units: %v, %d findings", n, best, found)
	}
	return best, found
}

// managed is a managed resource of a plan, created, with its config address
// equal to its address.
func managed(typ, name string, values, refs map[string]any) map[string]any {
	if values == nil {
		values = map[string]any{}
	}
	if refs == nil {
		refs = map[string]any{}
	}
	addr := typ + "." + name
	return map[string]any{
		"address": addr, "config_address": addr, "type": typ, "name": name,
		"mode": "managed", "action": "create", "values": values, "refs": refs,
		"unknown": []any{}, "sensitive": []any{},
	}
}

package tenet

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
)

// TestResult is the outcome of one Rego test (a rule named test_*).
type TestResult struct {
	Package string `json:"package"`
	Name    string `json:"name"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	// Status is "pass", "fail", "error" or "skip" (todo_test_*).
	Status   string        `json:"status"`
	Error    string        `json:"error,omitempty"`
	Duration time.Duration `json:"duration_ns"`
	// Failure is, for a failed test with WithVarValues, the expression that
	// failed with the values of its variables, as opa test --var-values
	// shows it.
	Failure string `json:"failure,omitempty"`
	// Output is what the test printed with print(), as opa test shows it.
	Output string `json:"output,omitempty"`
}

// VerifyResult is what running the policies' own tests found.
type VerifyResult struct {
	Tests   []TestResult `json:"tests"`
	Passed  int          `json:"passed"`
	Failed  int          `json:"failed"`
	Errored int          `json:"errored"`
	Skipped int          `json:"skipped"`
	// Coverage is the share of policy lines (tests excluded) that the tests
	// evaluated, in percent; Files gives it per file.
	Coverage float64            `json:"coverage"`
	Files    map[string]float64 `json:"files"`
}

// OK reports whether every test passed (skipped tests do not count).
func (v *VerifyResult) OK() bool { return v.Failed == 0 && v.Errored == 0 }

// Verify runs the Rego tests of the built-in bundles and of WithPolicy
// policies with OPA's test runner, as `opa test --coverage` would, with the
// same data the scanner uses. filter, if not empty, is a regular expression
// on test names.
func Verify(ctx context.Context, filter string, opts ...Option) (*VerifyResult, error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	sources, err := sourcesFor(ctx, cfg)
	if err != nil {
		return nil, err
	}
	// The tests of every package run: no namespace chooses them.
	rv, err := regoVersion(cfg.regoVersion)
	if err != nil {
		return nil, err
	}
	cat, err := catalog.Load(ctx, sources, catalog.Options{Tests: true, AllNamespaces: true, DataPaths: cfg.data, Verify: cfg.verify, RegoVersion: rv})
	if err != nil {
		return nil, err
	}
	var memory *atomic.Pointer[MemoryLimitError]
	if cfg.maxMemory > 0 {
		var stop func()
		ctx, memory, stop = guardMemory(ctx, uint64(cfg.maxMemory))
		defer stop()
	}
	cov := cover.New()
	compiler := ast.NewCompiler().
		WithCapabilities(engine.Capabilities(cfg.allowBuiltins)).
		WithEnablePrintStatements(true).
		WithRewriteTestRules(cfg.varValues)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		CapturePrintOutput(true).
		EnableTracing(cfg.varValues).
		SetStore(inmem.NewFromObject(cat.Data)).
		SetCoverageQueryTracer(cov).
		SetTimeout(30 * time.Second).
		SetParallel(cfg.parallel).
		AddCustomBuiltins(engine.SandboxTesterBuiltins())
	if filter != "" {
		runner = runner.Filter(filter)
	}
	ch, err := runner.SetModules(engine.SandboxModules(cat.Modules)).RunTests(ctx, nil)
	if err != nil {
		return nil, &catalog.PolicyError{Err: fmt.Errorf("run tests: %w", err)}
	}
	res := &VerifyResult{Tests: []TestResult{}, Files: map[string]float64{}}
	for r := range ch {
		// Without the built-in rules, the library is loaded for imports
		// but its own tests are not the user's to see.
		if !cfg.builtins && r.Location != nil && cat.Builtin[r.Location.File] {
			continue
		}
		t := TestResult{Package: r.Package, Name: r.Name, Duration: r.Duration, Status: "pass", Output: string(r.Output)}
		if r.Location != nil {
			t.File, t.Line = r.Location.File, r.Location.Row
		}
		switch {
		case r.Skip:
			t.Status = "skip"
			res.Skipped++
		case r.Error != nil:
			t.Status, t.Error = "error", r.Error.Error()
			res.Errored++
		case r.Fail:
			t.Status = "fail"
			res.Failed++
			if cfg.varValues {
				t.Failure = failedExpression(r.Trace)
			}
		default:
			res.Passed++
		}
		res.Tests = append(res.Tests, t)
	}
	if memory != nil {
		if e := memory.Load(); e != nil {
			out := *e
			for _, t := range res.Tests {
				if t.Status == "error" {
					out.Rules = append(out.Rules, t.Package+"."+t.Name)
				}
			}
			return nil, &catalog.PolicyError{Err: &out}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(res.Tests, func(i, j int) bool {
		if res.Tests[i].File != res.Tests[j].File {
			return res.Tests[i].File < res.Tests[j].File
		}
		return res.Tests[i].Line < res.Tests[j].Line
	})
	// The tracer also records the lines of the tests themselves: count only
	// policy files, as opa test --coverage does for a test run.
	var covered, total int
	for f, fr := range cov.Report(withoutTests(cat.Modules)).Files {
		if isTestFile(f) || !cfg.builtins && cat.Builtin[f] {
			continue
		}
		res.Files[f] = fr.Coverage
		covered += fr.CoveredLines
		total += fr.CoveredLines + fr.NotCoveredLines
	}
	if total > 0 {
		res.Coverage = float64(int(float64(covered)*1000/float64(total))) / 10
	}
	return res, nil
}

// failedExpression renders the last expression that failed in a test's
// trace, with the values of its variables: what opa test --var-values
// prints under a failed test.
func failedExpression(trace []*topdown.Event) string {
	for _, e := range slices.Backward(trace) {
		if e.Op != topdown.FailOp || e.Location == nil || e.QueryID == 0 {
			continue
		}
		if expr, ok := e.Node.(*ast.Expr); ok {
			if _, every := expr.Terms.(*ast.Every); every {
				continue // the failing expression inside the every body comes first
			}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s:%d:\n", e.Location.File, e.Location.Row)
		if err := topdown.PrettyEvent(&b, e, topdown.PrettyEventOpts{PrettyVars: true}); err != nil {
			return ""
		}
		return strings.TrimRight(b.String(), "\n")
	}
	return ""
}

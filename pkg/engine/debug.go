package engine

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/print"
)

// Debugging custom policies, as conftest does: what their print() calls
// write, and with Options.Trace the evaluation trace of each of their
// queries. Only the queries of policies from outside the built-ins are
// debugged: they see the document with its secrets masked (unless
// SensitiveToCustom), so neither output shows a sensitive value the
// policies could not print in a message. The built-in rules call no
// print() (TestNoPrintInBuiltins) and are never traced.

// debugOut writes print() lines and traces, one evaluation's at a time.
type debugOut struct {
	mu    sync.Mutex
	print io.Writer // nil: print() calls are compiled out
	trace io.Writer // nil: no trace
}

// printHook writes the print() calls of one evaluation, naming the input.
type printHook struct {
	out  *debugOut
	file string
}

func (h printHook) Print(ctx print.Context, msg string) error {
	loc := ""
	if ctx.Location != nil {
		loc = fmt.Sprintf("%s:%d: ", ctx.Location.File, ctx.Location.Row)
	}
	h.out.mu.Lock()
	defer h.out.mu.Unlock()
	_, err := fmt.Fprintf(h.out.print, "print: %s: %s%s\n", h.file, loc, msg)
	return err
}

// evalOptions are the options that debug one evaluation of q on file;
// finish writes its trace once it is done.
func (d *debugOut) evalOptions(q *query, file string) (opts []rego.EvalOption, finish func()) {
	if d == nil || !q.debug {
		return nil, func() {}
	}
	if d.print != nil {
		opts = append(opts, rego.EvalPrintHook(printHook{out: d, file: file}))
	}
	if d.trace == nil {
		return opts, func() {}
	}
	buf := topdown.NewBufferTracer()
	opts = append(opts, rego.EvalQueryTracer(buf))
	return opts, func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		refs := make([]string, len(q.evals))
		for i, ev := range q.evals {
			refs[i] = ev.Ref
		}
		fmt.Fprintf(d.trace, "trace: %s: %s\n", file, strings.Join(refs, ", "))
		topdown.PrettyTraceWithLocation(d.trace, *buf)
	}
}

// CallsPrint reports whether a module from outside the built-ins calls
// print(): its output is part of what a run shows, so its results are not
// taken from a cache.
func CallsPrint(modules map[string]*ast.Module, builtin map[string]bool) bool {
	for name, m := range modules {
		if builtin[name] {
			continue
		}
		// Any mention, not only a call: `with f as print` calls it too.
		found := false
		ast.WalkTerms(m, func(t *ast.Term) bool {
			switch v := t.Value.(type) {
			case ast.Var:
				found = found || v == ast.Var(ast.Print.Name)
			case ast.Ref:
				found = found || v.Equal(ast.Print.Ref())
			}
			return found
		})
		if found {
			return true
		}
	}
	return false
}

package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// A module from outside the built-ins is held to more than scanModule's
// check before its rules are sharded. The built-in rules' reads are bounded
// by the string constants of their packages because every built-in rule
// and helper is reviewed to name its types as constants, and
// TestShardsSameResult holds each to it. A module from elsewhere may call
// the accessor with a type it computes (terraform.resources(r.values.kind))
// or a built-in helper with one (lib/gcp builds "<prefix>_iam_member"),
// which no constant shows. So a custom module qualifies only when:
//
//   - every type it passes to the accessor is a type-like string literal
//     at the call (resources, data_sources, referencing, referenced);
//   - the only built-in packages it refers to are the accessor and
//     lib/result (whose functions take no type); other custom packages are
//     held to the same, through readTypes' dependencies;
//   - it does not add to the accessor or lib/result.
//
// The rest of scanModule applies as to the built-ins: no input read, no
// `with`, no namespace or data document.

// resultPkg is the package of the finding constructors, which read no
// resources.
const resultPkg = "data.tenet.lib.result"

// accessorTypeArg is the position of the resource type among the arguments
// of the accessor's functions that take one.
var accessorTypeArg = map[string]int{"resources": 0, "data_sources": 0, "referencing": 1, "referenced": 1}

// customQualifies tells whether the custom module m of package pkg may be
// sharded (see above); builtin tells whether a package is built in.
func customQualifies(m *ast.Module, pkg string, byPkg map[string][]*ast.Module, builtin func(pkg string) bool) bool {
	if pkg == accessor || pkg == resultPkg {
		return false
	}
	aliases := importAliases(m, ast.DefaultRootRef)
	resolve := func(r ast.Ref) ast.Ref {
		if head, isVar := r[0].Value.(ast.Var); isVar {
			if target, found := aliases[head]; found {
				return target.Concat(r[1:])
			}
		}
		return r
	}
	ok := true
	accessorRef := ast.MustParseRef(accessor)
	call := func(op ast.Ref, args []*ast.Term) {
		op = resolve(op)
		if !op.HasPrefix(accessorRef) || len(op) != len(accessorRef)+1 {
			return
		}
		name, _ := op[len(accessorRef)].Value.(ast.String)
		pos, takesType := accessorTypeArg[string(name)]
		if !takesType {
			return
		}
		if pos >= len(args) {
			ok = false
			return
		}
		if s, literal := args[pos].Value.(ast.String); !literal || !typeLike(string(s)) {
			ok = false
		}
	}
	for _, rule := range m.Rules {
		ast.WalkRefs(rule, func(r ast.Ref) bool {
			r = resolve(r)
			if !r.HasPrefix(ast.DefaultRootRef) {
				return false
			}
			if target, _ := refPackage(r, byPkg); target != "" && target != accessor && target != resultPkg && builtin(target) {
				ok = false
			}
			return false
		})
		ast.WalkExprs(rule, func(e *ast.Expr) bool {
			if e.IsCall() {
				if op := e.Operator(); op != nil {
					call(op, e.Operands())
				}
			}
			return false
		})
		ast.WalkTerms(rule, func(t *ast.Term) bool {
			if c, isCall := t.Value.(ast.Call); isCall {
				if op, isRef := c[0].Value.(ast.Ref); isRef {
					call(op, c[1:])
				}
			}
			return false
		})
	}
	return ok
}

package engine

import (
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// pathReaders are the library functions that take an attribute path of a
// resource, by reference, with the position of the path argument. A path
// argument is a string constant, a constant rule of the rule's package
// (_tokens := "metadata_options.0.http_tokens") or an array of those.
var pathReaders = map[string]int{
	"data.tenet.lib.terraform.get":         1,
	"data.tenet.lib.terraform.is_true":     1,
	"data.tenet.lib.terraform.present":     1,
	"data.tenet.lib.terraform.unknown":     1,
	"data.tenet.lib.terraform.any_unknown": 1,
	"data.tenet.lib.terraform.values_at":   1,
	"data.tenet.lib.compute.unset":         1,
	"data.tenet.lib.compute.set_unknown":   1,
	"data.tenet.lib.result.fail_attr":      1,
	"data.tenet.lib.result.unknown":        1,
	"data.tenet.lib.result.unknown_msg":    1,
	"data.tenet.lib.gcp.attr_unknown":      1,
	"data.tenet.lib.gcp.unset_computed":    1,
	"data.tenet.lib.azure.setting":         1,
	"data.tenet.lib.azure.setting_name":    1,
	"data.tenet.lib.azure.unknown_setting": 1,
	"data.tenet.lib.azure.block":           1,
}

// impliedPaths are the library functions that read a fixed attribute of
// the resource they take: database.family(r) reads engine.
var impliedPaths = map[string]string{
	"data.tenet.lib.database.engine": "engine",
	"data.tenet.lib.database.family": "engine",
	"data.tenet.lib.database.aurora": "engine",
}

// rulePaths returns, for every built-in rule of cat with a Terraform
// selector, by rule id, the attribute paths its own package passes to the
// pathReaders, as written (list indexes kept), and the impliedPaths of the
// functions it calls, sorted. Paths built at evaluation time (sprintf, loop
// variables) and paths read inside the library are not found.
func rulePaths(t *testing.T, cat *catalog.Catalog) map[string][]string {
	t.Helper()
	compiler := ast.NewCompiler()
	if compiler.Compile(cat.Modules); compiler.Failed() {
		t.Fatal(compiler.Errors)
	}
	byPkg := map[string][]*ast.Module{}
	for _, m := range compiler.Modules {
		p := m.Package.Path.String()
		byPkg[p] = append(byPkg[p], m)
	}
	out := map[string][]string{}
	for _, r := range cat.Rules {
		if len(terraformTypes(r.Selectors)) == 0 {
			continue
		}
		pkg := "data." + r.Package
		constants := packageConstants(byPkg[pkg])
		set := map[string]bool{}
		for _, m := range byPkg[pkg] {
			// The compiler reads a constant rule into a local first:
			// __local1__ = data.p._tokens; get(r, __local1__, "", __local2__).
			ast.WalkExprs(m, func(e *ast.Expr) bool {
				if (e.IsEquality() || e.IsAssignment()) && len(e.Operands()) == 2 {
					if v, ok := e.Operand(0).Value.(ast.Var); ok && v.IsGenerated() {
						constants[v.String()] = e.Operand(1).Value
					}
				}
				return false
			})
			ast.WalkTerms(m, func(term *ast.Term) bool {
				call, ok := term.Value.(ast.Call)
				if ok {
					addPaths(set, constants, call[0], call[1:])
				}
				return false
			})
			ast.WalkExprs(m, func(e *ast.Expr) bool {
				if e.IsCall() {
					addPaths(set, constants, e.Operator().String(), e.Operands())
				}
				return false
			})
		}
		for p := range set {
			out[r.ID] = append(out[r.ID], p)
		}
		slices.Sort(out[r.ID])
	}
	return out
}

// addPaths adds to set the constant paths among the arguments of a call of
// op, when op is one of the pathReaders.
func addPaths(set map[string]bool, constants map[string]ast.Value, op any, args []*ast.Term) {
	name := ""
	switch o := op.(type) {
	case string:
		name = o
	case *ast.Term:
		name = o.String()
	}
	if p, ok := impliedPaths[name]; ok {
		set[p] = true
		return
	}
	i, ok := pathReaders[name]
	if !ok || i >= len(args) {
		return
	}
	for _, s := range constantStrings(args[i].Value, constants) {
		set[s] = true
	}
}

// constantStrings returns the strings that v is: a string, a reference to a
// constant rule of the package, or an array of those.
func constantStrings(v ast.Value, constants map[string]ast.Value) []string {
	switch x := v.(type) {
	case ast.String:
		return []string{string(x)}
	case ast.Ref, ast.Var:
		if c, ok := constants[x.String()]; ok {
			return constantStrings(c, constants)
		}
	case *ast.Array:
		var out []string
		x.Foreach(func(e *ast.Term) { out = append(out, constantStrings(e.Value, constants)...) })
		return out
	}
	return nil
}

// packageConstants maps the full reference of each constant rule of the
// modules (`_key := "server_side_encryption.0.kms_key_arn"`) to its value.
func packageConstants(modules []*ast.Module) map[string]ast.Value {
	out := map[string]ast.Value{}
	for _, m := range modules {
		for _, r := range m.Rules {
			if len(r.Head.Args) > 0 || r.Head.Value == nil || !r.Body.Equal(ast.NewBody(ast.NewExpr(ast.BooleanTerm(true)))) {
				continue
			}
			switch r.Head.Value.Value.(type) {
			case ast.String, *ast.Array:
				out[m.Package.Path.Append(ast.StringTerm(r.Head.Name.String())).String()] = r.Head.Value.Value
			}
		}
	}
	return out
}

// terraformTypes is the resource types of the Terraform selectors.
func terraformTypes(sels []finding.Selector) []string {
	var out []string
	for _, s := range sels {
		if s.Type == "terraform" {
			out = append(out, s.ResourceTypes...)
		}
	}
	return out
}

// plainPath is path without its list indexes.
func plainPath(path string) string {
	var keep []string
	for _, s := range strings.Split(path, ".") {
		if !isIndex(s) {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, ".")
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

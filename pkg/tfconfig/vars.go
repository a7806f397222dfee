package tfconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// sensitive marks the values of sensitive variables and what is computed
// from them.
const sensitive = "sensitive"

// rootVariables are the values of the root module's variables, from the
// same sources as terraform plan, later ones winning: defaults,
// terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) by name,
// each Options.VarFiles, each Options.Vars. A variable with no value is
// unknown.
func (l *loader) rootVariables(m *module) (map[string]cty.Value, error) {
	set := map[string]cty.Value{}
	var files []string
	for _, name := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		p := filepath.Join(m.dir, name)
		if _, err := os.Stat(p); err == nil {
			files = append(files, p)
		}
	}
	auto, _ := filepath.Glob(filepath.Join(m.dir, "*.auto.tfvars"))
	autoJSON, _ := filepath.Glob(filepath.Join(m.dir, "*.auto.tfvars.json"))
	auto = append(auto, autoJSON...)
	sort.Strings(auto)
	files = append(files, auto...)
	files = append(files, l.opts.VarFiles...)
	for _, f := range files {
		if err := l.readVarFile(f, set); err != nil {
			return nil, err
		}
	}
	for _, a := range l.opts.Vars {
		name, raw, ok := strings.Cut(a, "=")
		if !ok || name == "" {
			return nil, &Error{File: "--var", Msg: fmt.Sprintf("%q is not name=value", a)}
		}
		v, err := m.rawVar(name, raw)
		if err != nil {
			return nil, err
		}
		set[name] = v
	}
	out := map[string]cty.Value{}
	for name, v := range m.variables {
		val, ok := set[name]
		if !ok {
			val = cty.NullVal(cty.DynamicPseudoType)
		}
		out[name] = v.finish(val)
	}
	return out, nil
}

// readVarFile reads the assignments of a .tfvars or .tfvars.json file
// into set. Values are constants: a variable file cannot refer to
// anything.
func (l *loader) readVarFile(path string, set map[string]cty.Value) error {
	data, err := l.read(path)
	if err != nil {
		return &Error{File: path, Msg: readError(err)}
	}
	f, diags := parseSource(path, data)
	if diags.HasErrors() {
		return diagError(diags)
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return diagError(diags)
	}
	for name, a := range attrs {
		v, diags := a.Expr.Value(&hcl.EvalContext{Functions: functions()})
		if diags.HasErrors() {
			return diagError(diags)
		}
		set[name] = v
	}
	return nil
}

// rawVar is the value of -var name=raw: the string itself for a string
// or unconstrained variable, an expression otherwise, as Terraform does.
func (m *module) rawVar(name, raw string) (cty.Value, error) {
	v := m.variables[name]
	if v == nil || v.typeExpr == nil {
		return cty.StringVal(raw), nil
	}
	ty, _, diags := typeexpr.TypeConstraintWithDefaults(v.typeExpr)
	if !diags.HasErrors() && (ty == cty.String || ty == cty.DynamicPseudoType) {
		return cty.StringVal(raw), nil
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "--var "+name, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return cty.NilVal, diagError(diags)
	}
	val, diags := expr.Value(&hcl.EvalContext{Functions: functions()})
	if diags.HasErrors() {
		return cty.NilVal, diagError(diags)
	}
	return val, nil
}

// finish turns the value a variable is given (null when none) into the
// value expressions see: the default when null (and for a non-nullable
// variable), converted to the variable's type, marked when sensitive.
// A required variable left unset, or a value of the wrong type, is
// unknown: Terraform would refuse to plan, tenet judges the rest.
func (v *variable) finish(val cty.Value) cty.Value {
	if val.IsNull() && v.def != nil {
		d, diags := v.def.Value(&hcl.EvalContext{Functions: functions()})
		if !diags.HasErrors() {
			val = d
		} else {
			val = cty.DynamicVal
		}
	} else if val.IsNull() && val.Type() == cty.DynamicPseudoType && v.def == nil {
		val = cty.DynamicVal // not set: Terraform would ask
	}
	if v.typeExpr != nil && val.IsKnown() {
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(v.typeExpr)
		if !diags.HasErrors() {
			if defaults != nil {
				val = defaults.Apply(val)
			}
			c, err := convert.Convert(val, ty)
			if err != nil {
				c = cty.UnknownVal(ty)
			}
			val = c
		}
	}
	if v.sensitive {
		val = val.Mark(sensitive)
	}
	return val
}

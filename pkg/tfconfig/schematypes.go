package tfconfig

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/zclconf/go-cty/cty"
)

// Terraform converts each attribute's value to the type the provider's
// schema gives it before planning: a port written "22" is planned as the
// number 22, a flag written "true" as true, a name written 22 as "22". The
// rules are written against plans, so a value left as written would not
// match them, and a rule could pass on an open port. tenet has no
// provider schemas; schematypes.json holds the primitive type of every
// attribute the built-in rules' tests give a plan's resources (the
// fixtures are written as plans are), which are the attributes the rules
// read. TestSchemaTypesTable (schematypes_gen_test.go) works it out from
// the tests and fails when it is stale.
//
//go:embed schematypes.json
var schemaTypesJSON []byte

// schemaTypes maps a resource type ("data." before a data source's) to its
// attributes' dotted paths (nested blocks' names, no list indexes) and
// their types: "string", "number" or "bool".
var schemaTypes = sync.OnceValue(func() map[string]map[string]string {
	var t map[string]map[string]string
	if err := json.Unmarshal(schemaTypesJSON, &t); err != nil {
		panic(fmt.Sprintf("tfconfig: schematypes.json: %v", err)) // embedded: a build error
	}
	return t
})

// schemaKey is the key of a resource's attributes in schemaTypes.
func schemaKey(mode, typ string) string {
	if mode == "data" {
		return "data." + typ
	}
	return typ
}

// typed is v, the value of the attribute at path (dotted, no list
// indexes), with each primitive converted as Terraform converts it to
// the type attrs give its path. A value Terraform could not convert
// ("yes" for a bool) is left as written: the plan would refuse it.
func typed(attrs map[string]string, path string, v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = typed(attrs, path+"."+k, e)
		}
		return v
	case []any:
		for i, e := range v {
			v[i] = typed(attrs, path, e)
		}
		return v
	}
	want, ok := attrs[path]
	if !ok {
		return v
	}
	return convertPrimitive(v, want)
}

// convertPrimitive converts v (a string, json.Number or bool) to want as
// go-cty's conversions do, which are Terraform's.
func convertPrimitive(v any, want string) any {
	switch want {
	case "number":
		if s, ok := v.(string); ok {
			if n, err := cty.ParseNumberVal(s); err == nil && representable(n) {
				return numberText(n)
			}
		}
	case "bool":
		if s, ok := v.(string); ok {
			switch s {
			case "true", "1":
				return true
			case "false", "0":
				return false
			}
		}
	case "string":
		switch v := v.(type) {
		case bool:
			if v {
				return "true"
			}
			return "false"
		case json.Number:
			if n, err := cty.ParseNumberVal(string(v)); err == nil {
				return n.AsBigFloat().Text('f', -1)
			}
		}
	}
	return v
}

// maxBinaryExponent bounds the numbers written out: float64 reaches 2^1024
// and its smallest subnormal 2^-1074, and no attribute holds more. A cty
// number is a big.Float, and writing 1e10000000 digit by digit takes
// minutes of CPU: one line of a crafted configuration.
const maxBinaryExponent = 1100

// representable reports whether v, when a number, is finite and within
// maxBinaryExponent, so that numberText can write it; any other value is.
// A number that is not is unknown to the rules, as a value tenet cannot
// know.
func representable(v cty.Value) bool {
	if v.IsNull() || !v.IsKnown() || v.Type() != cty.Number {
		return true
	}
	bf := v.AsBigFloat()
	if bf.IsInf() {
		return false
	}
	exp := bf.MantExp(nil)
	return -maxBinaryExponent < exp && exp < maxBinaryExponent
}

// numberText is n as a plan's JSON writes it (json.Number, as known does);
// n is representable.
func numberText(n cty.Value) json.Number {
	bf := n.AsBigFloat()
	if bf.IsInt() {
		return json.Number(bf.Text('f', -1))
	}
	return json.Number(bf.Text('g', -1))
}

package loader

import (
	"reflect"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tenet-dev/tenet/pkg/input"
)

// TestKeySchemaDecoders checks that every type the Terraform loaders
// decode with its own UnmarshalJSON either describes its keys (keyed) or
// is known to read none through structs: a new one in terraform-json
// would otherwise escape the key check unnoticed.
func TestKeySchemaDecoders(t *testing.T) {
	b := &schemaBuilder{done: map[reflect.Type]*keySchema{}}
	b.of(reflect.TypeFor[planFields]())
	b.of(reflect.TypeFor[tfjson.State]())
	b.of(reflect.TypeFor[rawState]())
	known := map[string]bool{
		"cty.Type":        true, // state outputs' types: read token by token, not into structs
		"json.RawMessage": true, // sensitive_values: decoded into any by sensitiveFromJSON
	}
	for _, typ := range b.opaque {
		if !known[typ.String()] {
			t.Errorf("%v decodes itself: make it keyed, or list it here if it reads no struct", typ)
		}
	}
}

// TestKeySchemaFields spot-checks the derived schemas against the names
// Terraform writes.
func TestKeySchemaFields(t *testing.T) {
	plan := keySchemaFor(input.FormatTerraformPlan)
	rc := plan.fields["resource_changes"].schema.elems
	change := rc.fields["change"].schema
	for _, name := range []string{"actions", "before", "after", "after_unknown", "after_sensitive"} {
		if change.fields[name] == nil {
			t.Errorf("change has no field %q", name)
		}
	}
	expr := plan.fields["configuration"].schema.fields["root_module"].schema.fields["resources"].schema.elems.fields["expressions"].schema.values
	if expr.fields["references"] == nil || expr.elems == nil || expr.elems.values.fields["references"] == nil {
		t.Errorf("resource expressions: %+v", expr)
	}
	state := keySchemaFor(input.FormatTerraformState)
	for _, name := range []string{"format_version", "terraform_version", "values", "version", "resources"} {
		if state.fields[name] == nil {
			t.Errorf("state has no field %q", name)
		}
	}
	module := state.fields["values"].schema.fields["root_module"].schema
	if module.fields["child_modules"].schema.elems != module {
		t.Error("child_modules do not share the module schema")
	}
}

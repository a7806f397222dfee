package engine

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/input"
)

// TestResourceMapIsTheJSONForm: rules see resources through resourceMap,
// built by hand for speed; the contract (docs/input.md) is the JSON form of
// input.Resource. The two must agree field for field, for a resource with
// every field set and for one with the optional fields empty, and a field
// added to input.Resource must be added to both (the first case fails when
// a field is left zero).
func TestResourceMapIsTheJSONForm(t *testing.T) {
	full := input.Resource{
		Address: "module.m.aws_s3_bucket.b[\"k\"]", ConfigAddress: "module.m.aws_s3_bucket.b", Type: "aws_s3_bucket", Name: "b",
		Namespace: "shop", Provider: "registry.terraform.io/hashicorp/aws", Module: "module.m", Mode: "managed", Index: "k",
		Action: input.ActionUpdate, Values: map[string]any{"bucket": "b", "n": json.Number("3"), "tags": map[string]any{"env": "dev"}},
		Unknown: []string{"arn"}, Sensitive: []string{"policy"}, Before: map[string]any{"bucket": "a"},
		Refs: map[string][]string{"policy": {"data.aws_iam_policy_document.p"}}, Configured: []string{"bucket", "policy"},
		Location: input.Location{File: "plan.json", Line: 12, Attributes: map[string]int{"bucket": 13}},
	}
	v := reflect.ValueOf(full)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Errorf("the full resource leaves %s zero: set it, and make sure resourceMap writes it", v.Type().Field(i).Name)
		}
	}
	empty := input.Resource{Address: "Pod/p", Type: "Pod", Name: "p", Action: input.ActionNoOp, Values: map[string]any{}, Location: input.Location{File: "p.yaml"}}
	shown := empty
	shown.Configured = []string{} // the configuration shows the resource and sets nothing
	for name, r := range map[string]input.Resource{"full": full, "empty": empty, "configured but empty": shown} {
		t.Run(name, func(t *testing.T) {
			hand, err := ast.InterfaceToValue(resourceMap(r))
			if err != nil {
				t.Fatal(err)
			}
			data, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			var generic any
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			if err := dec.Decode(&generic); err != nil {
				t.Fatal(err)
			}
			viaJSON, err := ast.InterfaceToValue(generic)
			if err != nil {
				t.Fatal(err)
			}
			if hand.Compare(viaJSON) != 0 {
				t.Errorf("resourceMap differs from the JSON form:\nhand: %v\njson: %v", hand, viaJSON)
			}
		})
	}
}

func TestAttributeLine(t *testing.T) {
	l := input.Location{Line: 3, Attributes: map[string]int{
		"acl": 5, "rule.0.sse": 9, "rule.1.sse": 12, "recording_group.0.all_supported": 20, "tags": 7,
	}}
	for attr, want := range map[string]int{
		"":                              3,
		"acl":                           5,
		"rule.1.sse":                    12,
		"rule.sse":                      9,
		"recording_group.all_supported": 20,
		"tags.team":                     7,
		"policy":                        3,
	} {
		if got := attributeLine(l, attr); got != want {
			t.Errorf("attributeLine(%q) = %d, want %d", attr, got, want)
		}
	}
}

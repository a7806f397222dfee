package input_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/input"
)

func TestRedact(t *testing.T) {
	doc := input.Document{Resources: []input.Resource{{
		Values:    map[string]any{"password": "hunter2", "user": "app", "tags": map[string]any{"token": "t"}, "blocks": []any{map[string]any{"key": "k"}}, "unset": nil},
		Before:    map[string]any{"password": "old"},
		Sensitive: []string{"password", "tags.token", "blocks.0.key", "unset", "missing.path"},
	}}}
	got := doc.Redact().Resources[0]
	want := map[string]any{"password": input.Redacted, "user": "app", "tags": map[string]any{"token": input.Redacted}, "blocks": []any{map[string]any{"key": input.Redacted}}, "unset": nil}
	if diff := cmp.Diff(want, got.Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if got.Before["password"] != input.Redacted {
		t.Errorf("before not redacted: %v", got.Before)
	}
	if doc.Resources[0].Values["password"] != "hunter2" || doc.Resources[0].Values["tags"].(map[string]any)["token"] != "t" {
		t.Error("Redact modified the original document")
	}
}

// TestMaskedCopiedSecret: a sensitive value copied into an attribute that
// Terraform does not mark (a literal repeated, a connection string built
// from it) is masked there too, in Values and Before, as in Raw; a
// resource without values keeps none.
func TestMaskedCopiedSecret(t *testing.T) {
	doc := input.Document{Resources: []input.Resource{
		{Address: "aws_db_instance.main", Values: map[string]any{"password": "hunter22"}, Sensitive: []string{"password"}},
		{Address: "aws_ssm_parameter.dsn", Values: map[string]any{"value": "postgres://app:hunter22@db/app", "name": "dsn"},
			Before: map[string]any{"value": "hunter22"}},
		{Address: "null_resource.empty"},
	}}
	got := doc.Masked()
	if v := got.Resources[1].Values["value"]; v != "postgres://app:"+input.Redacted+"@db/app" {
		t.Errorf("copied secret in values: %v", v)
	}
	if v := got.Resources[1].Before["value"]; v != input.Redacted {
		t.Errorf("copied secret in before: %v", v)
	}
	if got.Resources[1].Values["name"] != "dsn" || got.Resources[2].Values != nil {
		t.Errorf("other values changed: %v, %v", got.Resources[1].Values, got.Resources[2].Values)
	}
	if doc.Resources[1].Values["value"] != "postgres://app:hunter22@db/app" {
		t.Error("Masked modified the original document")
	}
}

// TestMaskedResources: the resources kept are masked as Masked masks them
// (a secret of a resource left out included); the others, and Raw, have
// no values; nil keeps all, as Masked; a document without secrets is
// returned as it is.
func TestMaskedResources(t *testing.T) {
	doc := input.Document{Raw: map[string]any{"password": "hunter22"}, Resources: []input.Resource{
		{Address: "aws_db_instance.main", Values: map[string]any{"password": "hunter22"}, Sensitive: []string{"password"}},
		{Address: "aws_ssm_parameter.dsn", Values: map[string]any{"value": "postgres://app:hunter22@db/app"},
			Before: map[string]any{"value": "hunter22"}},
		{Address: "null_resource.empty"},
	}}
	masked := doc.Masked()
	if got := doc.MaskedResources(nil); !cmp.Equal(got, masked) {
		t.Errorf("MaskedResources(nil) = %v, want Masked: %v", got, masked)
	}
	got := doc.MaskedResources([]bool{false, true})
	if !cmp.Equal(got.Resources[1], masked.Resources[1]) {
		t.Errorf("a kept resource: %v, want %v", got.Resources[1], masked.Resources[1])
	}
	for _, i := range []int{0, 2} {
		if r := got.Resources[i]; r.Values != nil || r.Before != nil || r.Address != doc.Resources[i].Address {
			t.Errorf("a resource left out: %+v, want it without values", r)
		}
	}
	if got.Raw != nil {
		t.Errorf("Raw: %v, want none", got.Raw)
	}
	if doc.Resources[0].Values["password"] != "hunter22" || doc.Raw == nil {
		t.Error("MaskedResources modified the original document")
	}
	plain := input.Document{Resources: []input.Resource{{Address: "a.b", Values: map[string]any{"name": "x"}}}}
	if got := plain.MaskedResources([]bool{false}); !cmp.Equal(got, plain) {
		t.Errorf("a document without secrets: %v", got)
	}
}

// TestMaskedWholeResource: a resource Terraform marks sensitive whole
// (after_sensitive: true, Sensitive [""]) has every value hidden from a
// policy that may not see secrets, its values copied elsewhere too, and
// SensitiveStrings lists them for the messages; a marked value shorter
// than MinSecretLen is still redacted where it is marked. Before the fix
// such a resource gave no secret, and Masked returned the document as it
// was.
func TestMaskedWholeResource(t *testing.T) {
	doc := input.Document{Resources: []input.Resource{
		{Address: "a.whole", Values: map[string]any{"password": "hunter22", "port": json.Number("5432")},
			Before: map[string]any{"password": "oldpass1"}, Sensitive: []string{""}},
		{Address: "a.copy", Values: map[string]any{"dsn": "postgres://app:hunter22@db"}},
	}}
	got := doc.Masked()
	if v := got.Resources[0].Values; !cmp.Equal(v, map[string]any{"": input.Redacted}) {
		t.Errorf("values of a wholly sensitive resource: %v", v)
	}
	if v := got.Resources[0].Before; !cmp.Equal(v, map[string]any{"": input.Redacted}) {
		t.Errorf("before of a wholly sensitive resource: %v", v)
	}
	if v := got.Resources[1].Values["dsn"]; v != "postgres://app:"+input.Redacted+"@db" {
		t.Errorf("a copied value: %v", v)
	}
	secrets := doc.SensitiveStrings()
	for _, want := range []string{"hunter22", "oldpass1", "5432"} {
		if !slices.Contains(secrets, want) {
			t.Errorf("SensitiveStrings = %q, lacks %q", secrets, want)
		}
	}
	short := input.Document{Resources: []input.Resource{{Address: "a.pin", Values: map[string]any{"pin": "12"}, Sensitive: []string{"pin"}}}}
	if v := short.Masked().Resources[0].Values["pin"]; v != input.Redacted {
		t.Errorf("a marked value shorter than MinSecretLen: %v", v)
	}
	if doc.Resources[0].Values["password"] != "hunter22" {
		t.Error("Masked modified the original document")
	}
}

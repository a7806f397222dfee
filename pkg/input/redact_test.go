package input_test

import (
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

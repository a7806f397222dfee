package tenet

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

func TestRedactMessages(t *testing.T) {
	t.Parallel()
	doc := input.Document{Resources: []input.Resource{
		{
			Address: "aws_db_instance.db",
			Values: map[string]any{
				"password": `pa"ss-word`, "port": json.Number("5432"), "name": "public-name",
				"nested": map[string]any{"token": "tok-abcdef", "list": []any{"long-secret-one", "ab"}},
			},
			Before:    map[string]any{"password": "old-password"},
			Sensitive: []string{"password", "port", "nested", "missing.path"},
		},
		{Address: "aws_s3_bucket.b", Values: map[string]any{"acl": "private"}},
	}}
	findings := []finding.Finding{
		{Message: `password is "pa\"ss-word" (was old-password), port 5432`},
		{Message: "token tok-abcdef and list [long-secret-one ab] of public-name"},
		{Message: `%q form: "pa\"ss-word"; raw form: pa"ss-word`},
		{Message: "acl is private"},
	}
	redactMessages(doc, findings)
	want := []string{
		`password is "(sensitive value)" (was (sensitive value)), port (sensitive value)`,
		"token (sensitive value) and list [(sensitive value) ab] of public-name",
		`%q form: "(sensitive value)"; raw form: (sensitive value)`,
		"acl is private",
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Message)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}

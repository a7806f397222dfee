package loader

import "testing"

func TestConfigAddress(t *testing.T) {
	tests := map[string]string{
		"aws_s3_bucket.b":                        "aws_s3_bucket.b",
		"aws_s3_bucket.b[0]":                     "aws_s3_bucket.b",
		`module.a[0].aws_s3_bucket.b["x.y"]`:     "module.a.aws_s3_bucket.b",
		`module.a["k]"].aws_s3_bucket.b["q\"]"]`: "module.a.aws_s3_bucket.b",
		"data.aws_iam_policy_document.p":         "data.aws_iam_policy_document.p",
	}
	for in, want := range tests {
		if got := configAddress(in); got != want {
			t.Errorf("configAddress(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLeafPaths(t *testing.T) {
	got := leafPaths(map[string]any{
		"id":         true,
		"versioning": []any{map[string]any{"enabled": true, "mfa": false}},
		"tags":       map[string]any{},
	})
	want := []string{"id", "versioning.0.enabled"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("leafPaths = %v, want %v", got, want)
	}
}

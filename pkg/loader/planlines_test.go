package loader_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestPlanLines: plan resources had no line, so SARIF results had no
// region and the table no file:line; each resource now has the line where
// its resource_changes entry starts, also behind the setup-terraform
// wrapper's first line.
func TestPlanLines(t *testing.T) {
	change := func(name string) string {
		return `    {
      "address": "aws_s3_bucket.` + name + `",
      "mode": "managed", "type": "aws_s3_bucket", "name": "` + name + `",
      "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {}}
    }`
	}
	plan := "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [\n" + change("a") + ",\n" + change("b") + "\n  ]\n}\n"
	tests := map[string]struct {
		data string
		want map[string]int
	}{
		"formatted": {plan, map[string]int{"aws_s3_bucket.a": 4, "aws_s3_bucket.b": 9}},
		"setup-terraform wrapper": {"[command]/usr/bin/terraform show -json plan.out\n" + plan + "%0A\n::debug::exitcode: 0\n",
			map[string]int{"aws_s3_bucket.a": 5, "aws_s3_bucket.b": 10}},
		"one line": {strings.ReplaceAll(plan, "\n", ""), map[string]int{"aws_s3_bucket.a": 1, "aws_s3_bucket.b": 1}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plan.json")
			if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, addressLines(t, path)); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPlanRepeatedKeyLoad: through the public TerraformPlan.Load, a plan
// large enough to be decoded side by side, with resource_changes written
// twice, reads as encoding/json reads it in one pass (the last one), not
// the first array (loader.Read refuses such a file earlier; Load is
// public).
func TestPlanRepeatedKeyLoad(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format_version": "1.2", "resource_changes": [`)
	for i := range 300 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"address": "aws_s3_bucket.first` + strconv.Itoa(i) + `", "mode": "managed", "type": "aws_s3_bucket", "name": "x", "change": {"actions": ["create"], "after": {}}}`)
	}
	b.WriteString(`], "resource_changes": [{"address": "aws_s3_bucket.last", "mode": "managed", "type": "aws_s3_bucket", "name": "last", "change": {"actions": ["create"], "after": {}}}]}`)
	doc, err := (loader.TerraformPlan{}).Load(t.Context(), "plan.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Resources) != 1 || doc.Resources[0].Address != "aws_s3_bucket.last" {
		t.Errorf("%d resources, first %q; want the last array, as one pass decodes it", len(doc.Resources), doc.Resources[0].Address)
	}
}

// TestFileErrorOneLine: a file named with a line break still gets one error
// line naming it.
func TestFileErrorOneLine(t *testing.T) {
	err := &loader.FileError{Path: "bad\nplan.json", Line: 3, Err: errors.New("invalid JSON")}
	if got, want := err.Error(), `"bad\nplan.json":3: invalid JSON`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

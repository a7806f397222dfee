package loader

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sortedPlan is a plan whose keys come sorted, as jq -S writes it: the
// configuration comes before any key that tells a plan.
const sortedPlan = `{"configuration": {"root_module": {"resources": [{"address": "aws_s3_bucket.b", "expressions": {"bucket": {"constant_value": "x"}}}]}},
 "format_version": "1.2",
 "resource_changes": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
   "provider_name": "registry.terraform.io/hashicorp/aws",
   "change": {"actions": ["create"], "before": null, "after": {"bucket": "x"}, "after_unknown": {}}}],
 "terraform_version": "1.9.5"}`

func TestPlanByKeys(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       bool
	}{
		{"a plan as Terraform writes it", `{"format_version": "1.2", "planned_values": {}, "resource_changes": []}`, true},
		{"keys sorted", sortedPlan, true},
		{"the changes first", `{"resource_changes": []}`, true},
		{"a key in another case", `{"Resource_Changes": []}`, true},
		{"a value skipped by its brackets", `{"a": [1, {"b": "]}"}], "c": "\"", "resource_changes": []}`, true},
		{"a key with escapes", `{"resource\u005fchanges": []}`, false},
		{"an escape before", `{"a\"b": 1, "resource_changes": []}`, false},
		{"a state", `{"format_version": "1.0", "values": {}}`, false},
		{"a manifest", `{"apiVersion": "v1", "kind": "Pod"}`, false},
		{"undecided", `{"a": 1}`, false},
		{"no colon", `{"a" 1, "resource_changes": []}`, false},
		{"no comma", `{"a": 1 "resource_changes": []}`, false},
		{"an unclosed value", `{"a": [1, "resource_changes": []`, false},
		{"an array", `[{"resource_changes": []}]`, false},
		{"empty", ``, false},
	} {
		if got := planByKeys([]byte(tc.data)); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// quickCases are files that planByKeys calls plans, well formed or not.
func quickCases(t testing.TB) map[string]string {
	t.Helper()
	cases := map[string]string{
		"sorted.json":            sortedPlan,
		"sorted.yaml":            sortedPlan,
		"bad-value.json":         `{"configuration": {"a": tru}, "format_version": "1.2", "resource_changes": []}`,
		"bad-value.yaml":         `{"configuration": {"a": tru}, "format_version": "1.2", "resource_changes": []}`,
		"yaml-flow.yaml":         `{"configuration": {a: b}, "resource_changes": []}`,
		"mismatched.json":        `{"configuration": {"a": [1}], "resource_changes": []}`,
		"number.json":            `{"configuration": 1.2.3, "resource_changes": []}`,
		"truncated.json":         sortedPlan[:len(sortedPlan)/2],
		"trailing.json":          sortedPlan + ` {}`,
		"duplicate.json":         `{"configuration": {"a": 1, "a": 2}, "resource_changes": []}`,
		"duplicate-top.json":     `{"configuration": {}, "configuration": {}, "resource_changes": []}`,
		"not-a-plan-inside.json": `{"configuration": {}, "resource_changes": [1]}`,
	}
	for _, name := range []string{"modules.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "tfplan", name))
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = string(data)
	}
	return cases
}

// TestParseQuickSameAsDetected: whether a file that planByKeys calls a
// plan loads or not, Parse gives what detecting its format by decoding
// every value gives, error for error.
func TestParseQuickSameAsDetected(t *testing.T) {
	for name, data := range quickCases(t) {
		if !planByKeys([]byte(data)) {
			t.Fatalf("%s: planByKeys is false: the case checks nothing", name)
		}
		sameAsDetected(t, name, []byte(data))
	}
}

// FuzzParseQuick holds Parse to detect and parseAs on any input.
func FuzzParseQuick(f *testing.F) {
	for _, data := range quickCases(f) {
		f.Add([]byte(data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"in.json", "in.yaml"} {
			sameAsDetected(t, name, data)
		}
	})
}

func sameAsDetected(t *testing.T, name string, data []byte) {
	t.Helper()
	got, gotErr := Parse(t.Context(), name, bytes.Clone(data), Options{})
	norm, err := normalizeEncoding(bytes.Clone(data))
	if err != nil {
		if gotErr == nil {
			t.Fatalf("%s: parsed, but its encoding is refused: %v", name, err)
		}
		return
	}
	format, nodes, detectErr := detect(name, norm)
	want, wantErr := parseAs(t.Context(), name, norm, Options{}, format, nodes, detectErr)
	if errString(gotErr) != errString(wantErr) {
		t.Errorf("%s: error %q, want %q", name, errString(gotErr), errString(wantErr))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: documents differ (-want +got):\n%s", name, diff)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

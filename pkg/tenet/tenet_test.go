package tenet

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

const testRule = `# METADATA
# title: Buckets are encrypted
# description: Test rule.
# scope: package
# custom:
#   id: TST-S3-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#   controls:
#     nist-800-53-r5: ["SC-28"]
#     hipaa: ["164.312(a)(2)(iv)"]
#   remediation: Encrypt it.
package tenet.test.s3

import rego.v1

deny contains {"msg": "not encrypted", "resource": r.address} if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	not "encrypted" in object.get(r, "unknown", [])
	not r.values.encrypted
}

unknown contains {"msg": "encrypted is unknown until apply", "resource": r.address} if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	"encrypted" in r.unknown
}
`

const lowRule = `# METADATA
# title: Buckets are tagged
# description: Test rule.
# scope: package
# custom:
#   id: TST-S3-002
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#   controls:
#     soc2-2017: ["CC6.1"]
#   remediation: Tag it.
package tenet.test.tags

import rego.v1

warn contains {"msg": "no tags", "resource": r.address} if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	not r.values.tags
}
`

func testBundle() fstest.MapFS {
	return fstest.MapFS{
		".manifest": {Data: []byte(`{"revision": "0.0.1", "roots": ["tenet/test"], "metadata": {"name": "test"}}`)},
		"s3.rego":   {Data: []byte(testRule)},
		"tags.rego": {Data: []byte(lowRule)},
	}
}

// plan writes a minimal plan with the given bucket entries.
func plan(t *testing.T, dir, name, changes string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	body := `{"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": [` + changes + `]}`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func bucket(name, after, unknown string) string {
	return `{"address": "aws_s3_bucket.` + name + `", "mode": "managed", "type": "aws_s3_bucket", "name": "` + name + `",
	  "provider_name": "registry.terraform.io/hashicorp/aws",
	  "change": {"actions": ["create"], "before": null, "after": ` + after + `, "after_unknown": ` + unknown + `}}`
}

func TestScan(t *testing.T) {
	dir := t.TempDir()
	good := plan(t, dir, "good.json", bucket("a", `{"encrypted": true, "tags": {"x": "y"}}`, `{}`))
	bad := plan(t, dir, "bad.json", bucket("b", `{}`, `{}`)+","+bucket("c", `{"tags": {"x": "y"}}`, `{"encrypted": true}`))
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"format_version": "1.2", "resource_changes": [`), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name       string
		opts       []Option
		paths      []string
		wantFailed bool
		wantErrors int
		wantCounts [3]int // deny, warn, unknown
		wantStatus map[string]finding.Status
	}{
		{
			name:       "clean plan passes",
			paths:      []string{good},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusPass, "TST-S3-002": finding.StatusPass},
		},
		{
			name:       "failures, warnings and unknowns",
			paths:      []string{good, bad},
			wantFailed: true,
			wantCounts: [3]int{1, 1, 1},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusFail, "TST-S3-002": finding.StatusWarn},
		},
		{
			name:       "a broken file does not hide the others",
			paths:      []string{broken, bad},
			wantFailed: true,
			wantErrors: 1,
			wantCounts: [3]int{1, 1, 1},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusFail, "TST-S3-002": finding.StatusWarn},
		},
		{
			name:       "severity filter drops low rules",
			opts:       []Option{WithMinSeverity(finding.SeverityHigh)},
			paths:      []string{bad},
			wantFailed: true,
			wantCounts: [3]int{1, 0, 1},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusFail},
		},
		{
			name:       "framework filter keeps mapped rules",
			opts:       []Option{WithFrameworks("soc2")},
			paths:      []string{bad},
			wantCounts: [3]int{0, 1, 0},
			wantStatus: map[string]finding.Status{"TST-S3-002": finding.StatusWarn},
		},
		{
			name:       "fail on warn",
			opts:       []Option{WithFrameworks("soc2"), WithFailOnWarn(true)},
			paths:      []string{bad},
			wantFailed: true,
			wantCounts: [3]int{0, 1, 0},
			wantStatus: map[string]finding.Status{"TST-S3-002": finding.StatusWarn},
		},
		{
			name:       "unknown=fail",
			opts:       []Option{WithFrameworks("hipaa"), WithUnknown(UnknownFail)},
			paths:      []string{plan(t, dir, "unknown.json", bucket("u", `{}`, `{"encrypted": true}`))},
			wantFailed: true,
			wantCounts: [3]int{0, 0, 1},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusUnknown},
		},
		{
			name:       "unknown=ignore never fails, even with fail-on-warn",
			opts:       []Option{WithFrameworks("hipaa"), WithUnknown(UnknownIgnore), WithFailOnWarn(true)},
			paths:      []string{plan(t, dir, "ignored.json", bucket("u", `{}`, `{"encrypted": true}`))},
			wantCounts: [3]int{0, 0, 1},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusUnknown},
		},
		{
			name:       "unknown=warn fails with fail-on-warn",
			opts:       []Option{WithFrameworks("hipaa"), WithFailOnWarn(true)},
			paths:      []string{plan(t, dir, "warned.json", bucket("u", `{}`, `{"encrypted": true}`))},
			wantFailed: true,
			wantCounts: [3]int{0, 0, 1},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusUnknown},
		},
		{
			name:       "not applicable without buckets",
			paths:      []string{plan(t, dir, "empty.json", "")},
			wantStatus: map[string]finding.Status{"TST-S3-001": finding.StatusNotApplicable, "TST-S3-002": finding.StatusNotApplicable},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := New(t.Context(), append([]Option{WithoutBuiltins(), withBundleFS(testBundle()), WithVersion("test")}, tc.opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			res := allowIncomplete(t)(s.Scan(t.Context(), tc.paths...))
			if res.Summary.Failed != tc.wantFailed {
				t.Errorf("failed = %v, want %v", res.Summary.Failed, tc.wantFailed)
			}
			if len(res.Errors) != tc.wantErrors {
				t.Errorf("errors = %v, want %d", res.Errors, tc.wantErrors)
			}
			got := [3]int{res.Summary.Deny, res.Summary.Warn, res.Summary.Unknown}
			if got != tc.wantCounts {
				t.Errorf("deny, warn, unknown = %v, want %v", got, tc.wantCounts)
			}
			status := map[string]finding.Status{}
			for _, rr := range res.Rules {
				status[rr.Rule.ID] = rr.Status
			}
			if diff := cmp.Diff(tc.wantStatus, status); diff != "" {
				t.Errorf("rule status (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScanCancelled checks that a cancelled context stops a scan with the
// context's error rather than a partial result.
func TestScanCancelled(t *testing.T) {
	s, err := New(t.Context(), WithoutBuiltins(), withBundleFS(testBundle()))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	res, err := s.Scan(ctx, plan(t, t.TempDir(), "p.json", bucket("b", `{}`, `{}`)))
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("Scan after cancel = %v, %v; want nil, context.Canceled", res, err)
	}
}

// TestScanDeterministic checks that parallel and sequential scans of the
// same inputs give the same result.
func TestScanDeterministic(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 20 {
		paths = append(paths, plan(t, dir, "p"+strings.Repeat("x", i)+".json", bucket("b", `{}`, `{}`)))
	}
	render := func(parallel int) string {
		s, err := New(t.Context(), WithoutBuiltins(), withBundleFS(testBundle()), WithParallel(parallel), WithVersion("test"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Scan(t.Context(), paths...)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		for _, f := range res.Findings {
			buf.WriteString(f.File + " " + f.RuleID + " " + f.Resource + "\n")
		}
		return buf.String()
	}
	if diff := cmp.Diff(render(1), render(8)); diff != "" {
		t.Errorf("parallel scan differs (-sequential +parallel):\n%s", diff)
	}
}

// TestScanFunction checks that Scan, which compiles while it loads, finds
// what New and Scanner.Scan find, and returns a policy that does not
// compile as an error rather than as results.
func TestScanFunction(t *testing.T) {
	dir := t.TempDir()
	paths := []string{
		plan(t, dir, "a.json", bucket("a", `{}`, `{}`)),
		plan(t, dir, "b.json", bucket("b", `{"encrypted": true}`, `{"tags": true}`)),
	}
	opts := []Option{WithoutBuiltins(), withBundleFS(testBundle()), WithVersion("test"), WithNow(time.Unix(0, 0))}
	s, err := New(t.Context(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Scan(t.Context(), paths...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Scan(t.Context(), paths, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Findings) == 0 {
		t.Fatal("no findings: the test checks nothing")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan differs from New + Scanner.Scan (-want +got):\n%s", diff)
	}

	// Parses, but does not compile: count takes one argument.
	bad := testBundle()
	bad["bad.rego"] = &fstest.MapFile{Data: []byte(strings.Replace(testRule, "package tenet.test.s3", "package tenet.test.bad", 1) +
		"\nwarn contains x if { x := count(input.resources, 1) }\n")}
	bad["bad.rego"].Data = bytes.ReplaceAll(bad["bad.rego"].Data, []byte("TST-S3-001"), []byte("TST-S3-009"))
	if _, err := load(t.Context(), []Option{WithoutBuiltins(), withBundleFS(bad)}); err != nil {
		t.Fatalf("the policy should load and fail only to compile: %v", err)
	}
	res, err := Scan(t.Context(), paths, WithoutBuiltins(), withBundleFS(bad))
	var perr *catalog.PolicyError
	if !errors.As(err, &perr) || res != nil {
		t.Errorf("Scan with a policy that does not compile = %v, %v; want nil, a *catalog.PolicyError", res, err)
	}
}

// allowIncomplete returns a checker of Scan's returns that accepts an
// *IncompleteError, which must then list exactly the result's errors.
func allowIncomplete(t *testing.T) func(*finding.Result, error) *finding.Result {
	t.Helper()
	return func(res *finding.Result, err error) *finding.Result {
		t.Helper()
		var incomplete *IncompleteError
		if err != nil && !errors.As(err, &incomplete) {
			t.Fatal(err)
		}
		if res == nil {
			t.Fatal("Scan returned no result")
		}
		if (incomplete != nil) != (len(res.Errors) > 0) {
			t.Fatalf("Scan's error is %v but the result has %d errors", err, len(res.Errors))
		}
		if incomplete != nil && !reflect.DeepEqual(incomplete.Errors, res.Errors) {
			t.Fatalf("IncompleteError lists %v, the result %v", incomplete.Errors, res.Errors)
		}
		return res
	}
}

package tenet

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestRuleSelection: --rule and --skip-rule globs (case-insensitive) and a
// list of severities choose the rules; a glob that matches no rule is an
// error, never a scan of nothing or of a rule meant to be skipped.
func TestRuleSelection(t *testing.T) {
	ids := func(opts ...Option) []string {
		t.Helper()
		s, err := New(t.Context(), append([]Option{WithVersion("test")}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range s.Rules() {
			out = append(out, r.ID)
		}
		return out
	}
	got := ids(WithRules("tnt-aws-s3-00?"), WithSkipRules("TNT-AWS-S3-002", "TNT-AWS-S3-00[89]"))
	want := []string{"TNT-AWS-S3-001", "TNT-AWS-S3-003", "TNT-AWS-S3-004", "TNT-AWS-S3-005", "TNT-AWS-S3-006", "TNT-AWS-S3-007"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	for _, id := range ids(WithRules("TNT-DKR-*"), WithSeverities(finding.SeverityHigh, finding.SeverityCritical)) {
		if id != "TNT-DKR-IMG-001" && id != "TNT-DKR-IMG-006" && id != "TNT-DKR-IMG-007" && id != "TNT-DKR-IMG-015" && id != "TNT-DKR-IMG-016" && id != "TNT-DKR-IMG-020" {
			t.Errorf("%s is neither high nor critical", id)
		}
	}
	for _, tc := range []struct {
		opt  Option
		want string
	}{
		{WithRules("TNT-NOPE-*"), `--rule "TNT-NOPE-*" matches no loaded rule`},
		{WithSkipRules("TNT-AWS-S3-0099"), `--skip-rule "TNT-AWS-S3-0099" matches no loaded rule`},
		{WithRules("TNT-[AWS"), `--rule "TNT-[AWS": syntax error in pattern`},
	} {
		_, err := New(t.Context(), WithVersion("test"), tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("err = %v, want %q", err, tc.want)
		}
	}
}

func TestSkipPaths(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		want       bool
	}{
		{"test/*", "test/x/plan.json", true},
		{"vendor", "modules/vendor/k8s.yaml", false},
		{"vendor", "vendor/k8s.yaml", true},
		{"*.generated.yaml", "deploy/app.generated.yaml", true},
		{"./deploy/", "deploy/app.yaml", true},
		{"deploy/*.json", "deploy/app.yaml", false},
		{"plan.json", "-", false},
	} {
		if got := skipped([]string{tc.glob}, tc.path); got != tc.want {
			t.Errorf("skipped(%q, %q) = %v, want %v", tc.glob, tc.path, got, tc.want)
		}
	}
}

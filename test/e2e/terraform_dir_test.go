package e2e

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// dirVersusPlan are the configurations checked both ways: as a directory,
// before any plan, and as the plan made from it. Each difference in
// findings must be listed here with its reason (docs/accuracy.md).
var dirVersusPlan = []struct {
	dir, plan string
	// explained maps "rule resource" to the kind found on the directory
	// and on the plan ("deny/unknown", "deny/-" when the plan has none).
	explained map[string]string
}{
	{
		dir: "test/examples/terraform", plan: "test/examples/plan.json",
		explained: map[string]string{
			// mfa_delete is optional and computed: the plan leaves it
			// unknown until apply; the directory shows it is not set, so
			// the provider's default (disabled) applies.
			"TNT-AWS-S3-009 aws_s3_bucket.logs": "deny/unknown",
			// cidr_blocks = [aws_vpc.main.cidr_block]: the VPC's
			// cidr_block is a literal, so Terraform knows it when planning,
			// and so does the directory (10.20.0.0/16, not the internet);
			// plan.json, written by hand, leaves it unknown until apply.
			"TNT-AWS-VPC-001 aws_security_group_rule.internal_ssh": "-/unknown",
		},
	},
}

// TestDirectoryAgainstPlan runs each configuration as a directory and as
// its plan and fails on any difference in findings not explained above,
// and on an explanation that no longer holds. With the plan's
// configuration directory, every plan finding points at a .tf line.
func TestDirectoryAgainstPlan(t *testing.T) {
	for _, tc := range dirVersusPlan {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			fromDir := kinds(t, run(t, "", "test", "-o", "json", tc.dir))
			fromPlan := kinds(t, run(t, "", "test", "-o", "json", tc.plan))
			got := map[string]string{}
			for k, d := range fromDir {
				if p := fromPlan[k]; p != d {
					got[k] = d + "/" + orDash(p)
				}
			}
			for k, p := range fromPlan {
				if _, ok := fromDir[k]; !ok {
					got[k] = "-/" + p
				}
			}
			if diff := cmp.Diff(tc.explained, got); diff != "" {
				t.Errorf("differences between the directory and the plan (-explained +found):\n%s", diff)
			}
			located := run(t, "", "test", "-o", "json", "--terraform-dir", tc.dir, tc.plan)
			var rep dirReport
			if err := json.Unmarshal([]byte(located.stdout), &rep); err != nil {
				t.Fatal(err)
			}
			for _, f := range rep.Findings {
				if filepath.Ext(f.File) != ".tf" || f.Line == 0 {
					t.Errorf("%s on %s points at %s:%d, not a .tf line", f.RuleID, f.Resource, f.File, f.Line)
				}
			}
		})
	}
}

type dirReport struct {
	Findings []struct {
		RuleID   string `json:"rule_id"`
		Resource string `json:"resource"`
		Kind     string `json:"kind"`
		File     string `json:"file"`
		Line     int    `json:"line"`
	} `json:"findings"`
}

// kinds maps "rule resource" to the kinds of finding, joined.
func kinds(t *testing.T, r runResult) map[string]string {
	t.Helper()
	if r.code != 0 && r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep dirReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	sets := map[string][]string{}
	for _, f := range rep.Findings {
		k := f.RuleID + " " + f.Resource
		sets[k] = append(sets[k], f.Kind)
	}
	out := map[string]string{}
	for k, v := range sets {
		sort.Strings(v)
		out[k] = strings.Join(slices.Compact(v), "+")
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

package waiver

import (
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestBroad is the definition of a broad waiver, case by case.
func TestBroad(t *testing.T) {
	rules := []string{
		"TNT-AWS-S3-001", "TNT-AWS-S3-002", "TNT-AWS-SNS-001", "TNT-AWS-SQS-001", "TNT-AWS-IAM-001",
		"TNT-K8S-POD-001", "TNT-K8S-POD-010", "TNT-K8S-RBAC-001",
		"main.deny", "main.deny_run_as_root", "maint.deny", "other.warn",
	}
	tests := map[string]struct {
		rule, resource, input string
		exact                 bool
		why                   string // a part of the reason; "" when not broad
	}{
		"annotation: a family on its object named *": {rule: "TNT-K8S-POD-*", resource: "*", input: "k8s/*.yaml", exact: true},
		"annotation: every rule":                     {rule: "*", resource: "ci/Pod/miner", input: "pod.yaml", exact: true, why: "starts with a wildcard"},
		"annotation: several families":               {rule: "TNT-K8S-*", resource: "ci/Pod/miner", input: "pod.yaml", exact: true, why: "covers 2 rule families"},
		"every rule":                                 {rule: "*", why: `rule "*" starts with a wildcard`},
		"every rule on one resource":                 {rule: "*", resource: "ci/Pod/miner", why: "starts with a wildcard"},
		"every rule in one input":                    {rule: "*", input: "k8s/pod.yaml", why: "starts with a wildcard"},
		"any prefix":                                 {rule: "*-001", resource: "a.b", why: "starts with a wildcard"},
		"one-character wildcard first":               {rule: "?NT-AWS-S3-001", resource: "a.b", why: "starts with a wildcard"},
		"a provider":                                 {rule: "TNT-AWS-*", resource: "a.b", why: `rule "TNT-AWS-*" covers 4 rule families (TNT-AWS-IAM, TNT-AWS-S3, TNT-AWS-SNS, ...)`},
		"a prefix of several families":               {rule: "TNT-AWS-S*", resource: "a.b", why: "covers 3 rule families"},
		"every first rule":                           {rule: "TNT-*-001", resource: "a.b", why: "covers 6 rule families"},
		"every package":                              {rule: "*.deny", resource: "a.b", why: "starts with a wildcard"},
		"two packages by prefix":                     {rule: "main*", resource: "a.b", why: `covers 2 rule families (main, maint)`},
		"a family on every resource":                 {rule: "TNT-K8S-POD-*", why: `rule glob "TNT-K8S-POD-*" applies to every resource`},
		"a family on resource *":                     {rule: "TNT-K8S-POD-*", resource: "*", why: "applies to every resource"},
		"a family on resource **?":                   {rule: "TNT-K8S-POD-*", resource: "**?", why: "applies to every resource"},
		"input does not narrow":                      {rule: "TNT-K8S-POD-*", input: "k8s/debug.yaml", why: "applies to every resource"},
		"a family on one resource":                   {rule: "TNT-K8S-POD-*", resource: "ci/Pod/miner"},
		"a family on a module":                       {rule: "TNT-AWS-S3-*", resource: "module.logs.*"},
		"a family by prefix":                         {rule: "TNT-AWS-S3*", resource: "a.b"},
		"a package":                                  {rule: "main.*", resource: "a.b"},
		"one rule everywhere":                        {rule: "TNT-AWS-S3-001"},
		"one rule on resource *":                     {rule: "TNT-AWS-S3-001", resource: "*"},
		"a glob that matches nothing yet":            {rule: "ACME-*", resource: "a.b"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			why, broad := Broad(finding.Waiver{Rule: tc.rule, Resource: tc.resource, Input: tc.input, Exact: tc.exact}, rules)
			if broad != (tc.why != "") || !strings.Contains(why, tc.why) {
				t.Errorf("Broad = %q, %v; want broad %v because %q", why, broad, tc.why != "", tc.why)
			}
		})
	}
}

func TestFamily(t *testing.T) {
	for id, want := range map[string]string{
		"TNT-AWS-S3-001":        "TNT-AWS-S3",
		"TNT-K8S-RBAC-010":      "TNT-K8S-RBAC",
		"ACME-001":              "ACME",
		"main.deny":             "main",
		"main.deny_run_as_root": "main",
		"a.b.warn":              "a.b",
		"deny":                  "deny",
		"TNT-AWS-":              "TNT-AWS-",
		"-001":                  "-001",
	} {
		if got := Family(id); got != want {
			t.Errorf("Family(%q) = %q, want %q", id, got, want)
		}
	}
}

package e2e

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSharedDataJoins checks, on real files, the rules that judge one
// resource by another one of the same input (issue 14): a VPC without a
// managed default security group, an NSG without a flow log, and a pod
// joined to its ServiceAccount. Each case names the findings the file must
// give for the rule, as "resource: message prefix".
func TestSharedDataJoins(t *testing.T) {
	sharedFiles(t) // skips when ../shared/data is absent
	tests := []struct {
		file string
		rule string
		want []string
	}{
		{
			file: "terraform/plans/regula-vpc_flow_log_infra.json",
			rule: "TNT-AWS-VPC-005",
			want: []string{
				"aws_vpc.invalid_vpc: no aws_default_security_group manages the VPC's default security group",
				"aws_vpc.valid_vpc: no aws_default_security_group manages the VPC's default security group",
			},
		},
		{
			file: "terraform/states/driftctl-azurerm_network_security_group.tfstate",
			rule: "TNT-AZ-NET-004",
			want: []string{
				"azurerm_network_security_group.example-1: no azurerm_network_watcher_flow_log records the NSG's traffic",
				"azurerm_network_security_group.example: no azurerm_network_watcher_flow_log records the NSG's traffic",
			},
		},
		{
			file: "kubernetes/msdemo-frontend.yaml",
			rule: "TNT-K8S-POD-028",
			want: []string{
				`Deployment/frontend: the pod mounts a token of service account "frontend": neither the pod nor the ServiceAccount`,
			},
		},
		{
			file: "kubernetes/k8sexamples-guestbook-frontend-deployment.yaml",
			rule: "TNT-K8S-POD-028",
			want: []string{
				`Deployment/frontend: the pod mounts a token of service account "default": the pod does not set automountServiceAccountToken to false, and the ServiceAccount is not in this input`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file)+"/"+tc.rule, func(t *testing.T) {
			t.Parallel()
			got := run(t, "", "test", "-o", "json", filepath.Join(sharedData, tc.file))
			if got.code != 1 {
				t.Fatalf("exit code %d, want 1\nstderr: %s", got.code, got.stderr)
			}
			var rep struct {
				Findings []struct {
					RuleID   string `json:"rule_id"`
					Resource string `json:"resource"`
					Message  string `json:"message"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			var findings []string
			for _, f := range rep.Findings {
				if f.RuleID == tc.rule {
					findings = append(findings, f.Resource+": "+f.Message)
				}
			}
			slices.Sort(findings)
			if len(findings) != len(tc.want) {
				t.Fatalf("%s findings:\n%s\nwant %d", tc.rule, strings.Join(findings, "\n"), len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(findings[i], w) {
					t.Errorf("finding %d = %q, want prefix %q", i, findings[i], w)
				}
			}
		})
	}
}

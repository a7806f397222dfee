package engine

import (
	"os"
	"slices"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestLocalsPlanRepro runs the built-in rules on ../shared/repro/
// locals_plan.json (issue 14), whose attributes are set from values unknown
// until apply through local.* and each.*, or left undeclared: every rule
// decided by one of them says unknown, and none fails on an attribute the
// configuration sets to a value unknown until apply.
func TestLocalsPlanRepro(t *testing.T) {
	const path = "../../../shared/repro/locals_plan.json"
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skip("../shared/repro is not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	doc, err := loader.Parse(t.Context(), "locals_plan.json", data, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := New(t.Context(), builtinCatalog(t), Options{Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	got, err := eng.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ resource, rule, attribute string }
	unknown := map[key]bool{}
	for _, f := range got.Findings {
		if f.Kind == finding.KindUnknown {
			unknown[key{f.Resource, f.RuleID, f.Attribute}] = true
		}
	}
	wantUnknown := []key{
		{"aws_instance.via_local", "TNT-AWS-EC2-007", "iam_instance_profile"},
		{`aws_instance.via_each["a"]`, "TNT-AWS-EC2-007", "iam_instance_profile"},
		{"aws_db_instance.via_local", "TNT-AWS-RDS-004", "backup_retention_period"},
		{"aws_efs_file_system.via_local", "TNT-AWS-EFS-001", "encrypted"},
		{"aws_instance.dyn_meta", "TNT-AWS-EC2-004", "metadata_options.http_tokens"},
		{"aws_db_instance.multiaz_local", "TNT-AWS-RDS-006", "multi_az"},
		{"aws_eks_cluster.cidrs_local", "TNT-AWS-EKS-001", "vpc_config.public_access_cidrs"},
		{"aws_dynamodb_table.key_local", "TNT-AWS-DDB-002", "server_side_encryption.kms_key_arn"},
	}
	for _, k := range wantUnknown {
		if !unknown[k] {
			t.Errorf("%s: %s says nothing unknown about %s", k.resource, k.rule, k.attribute)
		}
	}
	// The instance profile set from another resource is set.
	if unknown[key{"aws_instance.direct", "TNT-AWS-EC2-007", "iam_instance_profile"}] {
		t.Error("aws_instance.direct: an instance profile referring to aws_iam_instance_profile.p is set, not unknown")
	}
	res := map[string][]string{}
	for _, r := range doc.Resources {
		res[r.Address] = r.Unknown
	}
	for _, f := range got.Findings {
		if f.Kind != finding.KindDeny && f.Kind != finding.KindWarn {
			continue
		}
		if slices.ContainsFunc(res[f.Resource], func(u string) bool { return related(plainPath(u), plainPath(f.Attribute)) }) {
			t.Errorf("%s fails %s on %s, unknown until apply: %s", f.RuleID, f.Resource, f.Attribute, f.Message)
		}
	}
}

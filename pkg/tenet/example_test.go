package tenet_test

import (
	"context"
	"fmt"
	"log"

	"github.com/tenet-dev/tenet/pkg/tenet"
)

// ExampleScanner_Scan loads the built-in bundles once, scans the example
// plan, and prints every finding and the verdict.
func ExampleScanner_Scan() {
	s, err := tenet.New() // loads and compiles the policies once
	if err != nil {
		log.Fatal(err)
	}
	res, err := s.Scan(context.Background(), "../../test/examples/plan.json")
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range res.Findings {
		fmt.Println(f.Kind, f.RuleID, f.Resource)
	}
	fmt.Println("failed:", res.Summary.Failed)
	// Output:
	// deny TNT-AWS-EC2-001 aws_ebs_volume.scratch
	// deny TNT-AWS-VPC-001 aws_security_group.bastion
	// unknown TNT-AWS-VPC-001 aws_security_group_rule.internal_ssh
	// deny TNT-AWS-S3-001 module.assets.aws_s3_bucket.this
	// deny TNT-AWS-S3-003 module.assets.aws_s3_bucket.this
	// deny TNT-AWS-S3-008 module.assets.aws_s3_bucket.this
	// failed: true
}

// ExampleWithFrameworks limits a scan to one framework and prints the
// controls of it that failed, with the rules that failed them.
func ExampleWithFrameworks() {
	s, err := tenet.New(tenet.WithFrameworks("pci-dss-4.0"))
	if err != nil {
		log.Fatal(err)
	}
	res, err := s.Scan(context.Background(), "../../test/examples/plan.json")
	if err != nil {
		log.Fatal(err)
	}
	failed := map[string]bool{}
	for _, rr := range res.Rules {
		failed[rr.Rule.ID] = rr.Status == "fail"
	}
	for _, fw := range res.Frameworks {
		for _, c := range fw.Controls {
			if c.Status != "fail" {
				continue
			}
			var rules []string
			for _, id := range c.Rules {
				if failed[id] {
					rules = append(rules, id)
				}
			}
			fmt.Println(fw.ID, c.ID, rules)
		}
	}
	// Output:
	// pci-dss-4.0 1.3.1 [TNT-AWS-S3-003 TNT-AWS-VPC-001]
	// pci-dss-4.0 1.3.2 [TNT-AWS-VPC-001]
	// pci-dss-4.0 1.4.2 [TNT-AWS-VPC-001]
	// pci-dss-4.0 1.4.4 [TNT-AWS-S3-003]
	// pci-dss-4.0 3.5.1 [TNT-AWS-EC2-001 TNT-AWS-S3-001]
}

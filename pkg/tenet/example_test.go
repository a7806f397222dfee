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
// status of each of its controls that failed.
func ExampleWithFrameworks() {
	s, err := tenet.New(tenet.WithFrameworks("pci-dss-4.0"))
	if err != nil {
		log.Fatal(err)
	}
	res, err := s.Scan(context.Background(), "../../test/examples/plan.json")
	if err != nil {
		log.Fatal(err)
	}
	for _, fw := range res.Frameworks {
		for _, c := range fw.Controls {
			fmt.Println(fw.ID, c.ID, c.Status)
		}
	}
	// Output:
	// pci-dss-4.0 1.3.1 fail
	// pci-dss-4.0 1.3.2 fail
	// pci-dss-4.0 1.4.2 fail
	// pci-dss-4.0 1.4.4 fail
	// pci-dss-4.0 2.2.6 not_applicable
	// pci-dss-4.0 3.5.1 fail
	// pci-dss-4.0 3.6.1 pass
	// pci-dss-4.0 3.7.4 pass
	// pci-dss-4.0 7.2.1 not_applicable
	// pci-dss-4.0 7.2.2 not_applicable
	// pci-dss-4.0 10.2.1 pass
	// pci-dss-4.0 10.2.2 pass
}

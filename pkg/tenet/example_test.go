package tenet_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

// ExampleScanner_Scan loads the built-in bundles once, scans the example
// plan with the rules of high and critical severity, and prints every
// finding and the verdict.
func ExampleScanner_Scan() {
	// Policies are loaded and compiled once; Scan can then run many times.
	s, err := tenet.New(context.Background(), tenet.WithMinSeverity(finding.SeverityHigh))
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
	// deny TNT-AWS-S3-003 module.assets.aws_s3_bucket.this
	// failed: true
}

// ExampleScan scans once: the policies compile while the plan is read.
func ExampleScan() {
	res, err := tenet.Scan(context.Background(), []string{"../../test/examples/plan.json"}, tenet.WithMinSeverity(finding.SeverityCritical))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Summary.Deny, "critical failures")
	// Output:
	// 0 critical failures
}

// ExampleWithFrameworks limits a scan to one framework and prints the
// status of each of its controls that the rules could check.
func ExampleWithFrameworks() {
	s, err := tenet.New(context.Background(), tenet.WithFrameworks("gdpr"))
	if err != nil {
		log.Fatal(err)
	}
	res, err := s.Scan(context.Background(), "../../test/examples/plan.json")
	if err != nil {
		log.Fatal(err)
	}
	for _, fw := range res.Frameworks {
		for _, c := range fw.Controls {
			fmt.Println(fw.ID, c.ID, c.Status, len(c.Rules), "rules")
		}
	}
	// Output:
	// gdpr Art. 5(1)(f) fail 43 rules
	// gdpr Art. 25(1) not_applicable 2 rules
	// gdpr Art. 25(2) fail 53 rules
	// gdpr Art. 32(1)(a) fail 68 rules
	// gdpr Art. 32(1)(b) fail 268 rules
	// gdpr Art. 32(1)(c) fail 15 rules
	// gdpr Art. 32(1)(d) fail 36 rules
	// gdpr Art. 33(1) fail 30 rules
}

// ExampleIncompleteError shows the check a caller needs: when an input
// cannot be read, Scan still judges the others but returns an
// *IncompleteError beside the result, so an unread file never passes as
// checked.
func ExampleIncompleteError() {
	res, err := tenet.Scan(context.Background(), []string{"../../test/examples/plan.json", "testdata/missing.json"})
	var incomplete *tenet.IncompleteError
	switch {
	case errors.As(err, &incomplete):
		for _, e := range incomplete.Errors {
			fmt.Println("not evaluated:", e.Message)
		}
	case err != nil:
		log.Fatal(err)
	}
	fmt.Println(res.Summary.Inputs, "input evaluated; failed:", res.Summary.Failed)
	// Output:
	// not evaluated: testdata/missing.json: stat: no such file or directory
	// 1 input evaluated; failed: true
}

// ExampleWithOutputs does with one call what `tenet test -o github -o
// sarif=FILE --history DIR` does: scan, write every report, record the run.
func ExampleWithOutputs() {
	dir, err := os.MkdirTemp("", "tenet-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	_, err = tenet.Scan(context.Background(), []string{"../../test/examples/plan.json"},
		tenet.WithMinSeverity(finding.SeverityHigh),
		tenet.WithOutputs(
			tenet.Output{Format: "github", Writer: os.Stdout},
			tenet.Output{Format: "sarif", File: filepath.Join(dir, "tenet.sarif")},
		),
		tenet.WithHistory(filepath.Join(dir, "history")))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// ::error file=../../test/examples/plan.json,line=715,title=TNT-AWS-EC2-001 EBS volumes are encrypted::aws_ebs_volume.scratch: the volume is not encrypted
	// ::error file=../../test/examples/plan.json,line=575,title=TNT-AWS-VPC-001 Security groups do not admit SSH from the whole internet::aws_security_group.bastion: ingress admits SSH (port 22) from the whole internet
	// ::error file=../../test/examples/plan.json,line=484,title=TNT-AWS-S3-003 S3 buckets block every form of public access::module.assets.aws_s3_bucket.this: no aws_s3_bucket_public_access_block applies to the bucket
	// ::notice file=../../test/examples/plan.json,line=631,title=TNT-AWS-VPC-001 Security groups do not admit SSH from the whole internet::aws_security_group_rule.internal_ssh: whether ingress admits SSH from the internet is unknown until apply (unknown: cidr_blocks)
	// tenet FAIL: 3 failures, 0 warnings, 1 unknown until apply, 0 input errors
}

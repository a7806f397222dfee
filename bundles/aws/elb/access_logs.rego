# METADATA
# title: Load balancers write access logs
# description: >-
#   Access logs record every request a load balancer handled, with client
#   address, path and response; without them attacks against an application
#   and unexplained errors cannot be reconstructed.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#access_logs
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb#access_logs
# custom:
#   id: TNT-AWS-ELB-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lb, aws_alb, aws_elb]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-6", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add access_logs { bucket = <log bucket>, enabled = true } to the load balancer.
package tenet.aws.elb.access_logs

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_enabled := "access_logs.0.enabled"

_bucket := "access_logs.0.bucket"

deny contains result.fail_attr(lb, "access_logs", msg) if {
	some lb in _judged
	not _decided_later(lb)
	msg := _problem(lb)
}

unknown contains result.unknown(lb, "access_logs.enabled") if {
	some lb in _judged
	_decided_later(lb)
}

# enabled defaults to false for aws_lb and aws_alb, to true for aws_elb.
_problem(lb) := "access_logs is not declared: requests are not logged" if {
	count(terraform.get(lb, "access_logs", [])) == 0
} else := "access_logs.enabled is not true: requests are not logged" if {
	not terraform.get(lb, _enabled, lb.type == "aws_elb") == true
} else := "access_logs.bucket is empty: requests are not logged" if {
	terraform.get(lb, _bucket, "") == ""
	not terraform.unknown(lb, _bucket)
}

_decided_later(lb) if {
	count(terraform.get(lb, "access_logs", [])) > 0
	terraform.unknown(lb, _enabled)
}

# A block set through a dynamic block or a local is unknown until apply.
_decided_later(lb) if {
	count(terraform.get(lb, "access_logs", [])) == 0
	compute.set_unknown(lb, "access_logs")
}

# Logging is on, to a bucket named through a local: it may be empty.
unknown contains result.unknown(lb, "access_logs.bucket") if {
	some lb in _judged
	not _decided_later(lb)
	terraform.get(lb, _enabled, lb.type == "aws_elb") == true
	compute.presence_unknown(lb, _bucket)
}

# Gateway load balancers pass traffic through without access logs.
_judged contains lb if {
	some type in ["aws_lb", "aws_alb", "aws_elb"]
	some lb in terraform.resources(type)
	terraform.get(lb, "load_balancer_type", "application") != "gateway"
}

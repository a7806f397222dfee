# METADATA
# title: Internet-facing application load balancers are behind AWS WAF
# description: >-
#   An internet-facing application load balancer passes every request to the
#   application, including injection attempts and bot traffic. A web ACL
#   filters known attack patterns and rate-limits abuse before it reaches code.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association
# custom:
#   id: TNT-AWS-ELB-006
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lb, aws_alb]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "SC-7", "SI-4"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["6.4.1", "6.4.2"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Associate a web ACL with the load balancer through aws_wafv2_web_acl_association (resource_arn = the load balancer's arn).
package tenet.aws.elb.waf

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_associations := ["aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"]

# The judged resources are the load balancers (the associations are what
# they are checked for); aws_alb is the older name of aws_lb.
deny contains result.fail(lb, "no aws_wafv2_web_acl_association (resource_arn) protects the internet-facing load balancer") if {
	some lb in _public_albs
	not _protected(lb)
}

unknown contains result.unknown(lb, "internal") if {
	some type in ["aws_lb", "aws_alb"]
	some lb in terraform.resources(type)
	terraform.get(lb, "load_balancer_type", "application") == "application"
	compute.set_unknown(lb, "internal")
	not _protected(lb)
}

# internal is computed: left out, it is unknown in a plan and AWS creates an
# internet-facing load balancer.
_public_albs contains lb if {
	some type in ["aws_lb", "aws_alb"]
	some lb in terraform.resources(type)
	terraform.get(lb, "load_balancer_type", "application") == "application"
	terraform.get(lb, "internal", false) == false
	not compute.set_unknown(lb, "internal")
}

_protected(lb) if {
	some type in _associations
	count(terraform.referencing(lb, type, "resource_arn")) > 0
}

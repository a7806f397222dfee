# METADATA
# title: Production load balancers are protected against deletion
# description: >-
#   Deleting a load balancer takes every application behind it offline and
#   frees its DNS name. Deletion protection turns an accidental removal into
#   an explicit two-step change. Only production load balancers are judged:
#   one whose environment tag (Environment, env, stage, tier, or a key ending
#   in one of them such as app_environment) names a non-production
#   environment (dev, test, staging, sandbox, ...) is skipped; an untagged one
#   is judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#enable_deletion_protection
# custom:
#   id: TNT-AWS-ELB-005
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lb, aws_alb]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-3", "CP-9", "SI-13(5)"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: >-
#     Set enable_deletion_protection = true, or tag non-production load
#     balancers with an environment tag (Environment, env, stage or tier, or a
#     key ending in one of them such as app_environment) whose value names a
#     non-production environment ("dev", "test", "staging", "sandbox", ...).
package tenet.aws.elb.deletion_protection

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Load balancers tagged as non-production are skipped (the catalog limits
# the rule to production; untagged ones count as production). What counts as
# a non-production tag is compute.non_production's to say: environment tag
# keys such as Environment, env, stage, tier or app_environment, values such
# as dev, test, staging or sandbox.
deny contains result.fail_attr(lb, "enable_deletion_protection", "enable_deletion_protection is not true") if {
	some lb in _judged
	not terraform.is_true(lb, "enable_deletion_protection")
	not terraform.unknown(lb, "enable_deletion_protection")
}

unknown contains result.unknown(lb, "enable_deletion_protection") if {
	some lb in _judged
	terraform.unknown(lb, "enable_deletion_protection")
}

_judged contains lb if {
	some type in ["aws_lb", "aws_alb"]
	some lb in terraform.resources(type)
	not compute.non_production(lb)
}

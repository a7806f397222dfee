# METADATA
# title: Console users are not issued access keys together with their password
# description: >-
#   Keys created with a console login are often never used, yet they stay
#   valid and leak through state files and laptops. Issue access keys later,
#   only to users who show they need programmatic access.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key
# custom:
#   id: TNT-AWS-IAM-011
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_user]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.11"]
#     cis-aws-1.5.0: ["1.11"]
#     nist-800-53-r5: ["AC-2", "IA-5"]
#     soc2-2017: ["CC6.1", "CC6.2"]
#     pci-dss-4.0: ["8.3.9", "8.6.3"]
#     hipaa: ["164.308(a)(4)(ii)(C)", "164.308(a)(5)(ii)(D)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove the aws_iam_access_key from the change that creates the user's login profile.
package tenet.aws.iam.console_user_keys

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Only a plan that creates both, or a template that declares both (a stack
# creates them together), shows keys issued "at creation"; a state cannot
# tell when each was made.
deny contains result.fail(u, sprintf("%s is created together with the console login %s", [k.address, l.address])) if {
	some u in terraform.resources("aws_iam_user")
	some l in terraform.referencing(u, "aws_iam_user_login_profile", "user")
	l.action in _created
	some k in terraform.referencing(u, "aws_iam_access_key", "user")
	k.action in _created
}

_created := {"create", "apply"}

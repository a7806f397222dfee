# METADATA
# title: The account-wide S3 Block Public Access settings are all on
# description: >-
#   The account-level block overrides any bucket, so a single new bucket with
#   a loose policy or ACL cannot expose data. It is judged only where the
#   configuration manages it; otherwise the setting lives outside the code.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_account_public_access_block
# custom:
#   id: TNT-AWS-S3-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_account_public_access_block]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.1.4"]
#     cis-aws-1.5.0: ["2.1.5"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: >-
#     Set block_public_acls, block_public_policy, ignore_public_acls and
#     restrict_public_buckets to true on aws_s3_account_public_access_block.
package tenet.aws.s3.account_public_access_block

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# Every flag defaults to false.
deny contains result.fail_attr(a, flag, sprintf("%s is not true", [flag])) if {
	some a in terraform.resources("aws_s3_account_public_access_block")
	some flag in _flags
	not terraform.is_true(a, flag)
	not terraform.unknown(a, flag)
}

unknown contains result.unknown(a, flag) if {
	some a in terraform.resources("aws_s3_account_public_access_block")
	some flag in _flags
	terraform.unknown(a, flag)
}

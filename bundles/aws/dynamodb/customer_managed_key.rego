# METADATA
# title: DynamoDB tables are encrypted with a customer-managed KMS key
# description: >-
#   Tables are always encrypted, but with an AWS-owned or AWS-managed key the
#   customer cannot restrict, audit or revoke use of the key. A customer-managed
#   key puts access to the data under the account's own key policy.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#server_side_encryption
# custom:
#   id: TNT-AWS-DDB-002
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_dynamodb_table]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Add server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.<name>.arn }.
package tenet.aws.dynamodb.customer_managed_key

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_enabled := "server_side_encryption.0.enabled"

_key := "server_side_encryption.0.kms_key_arn"

deny contains result.fail_attr(t, "server_side_encryption.enabled", "server_side_encryption.enabled is not true: the table uses an AWS-owned key") if {
	some t in terraform.resources("aws_dynamodb_table")
	not terraform.is_true(t, _enabled)
	not _declared_unknown(t, _enabled)
}

# With enabled = true and no kms_key_arn, AWS uses the AWS-managed key
# aws/dynamodb and kms_key_arn is computed (unknown without a reference).
deny contains result.fail_attr(t, "server_side_encryption.kms_key_arn", "server_side_encryption.kms_key_arn is not set: the table uses the AWS-managed key") if {
	some t in terraform.resources("aws_dynamodb_table")
	terraform.is_true(t, _enabled)
	terraform.get(t, _key, "") == ""
	not compute.set_unknown(t, _key)
}

unknown contains result.unknown(t, "server_side_encryption.enabled") if {
	some t in terraform.resources("aws_dynamodb_table")
	_declared_unknown(t, _enabled)
}

# The block is computed: wholly unknown when left out, not a declaration.
unknown contains result.unknown(t, "server_side_encryption.kms_key_arn") if {
	some t in terraform.resources("aws_dynamodb_table")
	terraform.is_true(t, _enabled)
	compute.presence_unknown(t, _key)
}

_declared_unknown(t, path) if {
	count(terraform.get(t, "server_side_encryption", [])) > 0
	terraform.unknown(t, path)
}

# A wholly unknown block counts as left out only when the configuration
# shows nothing sets it (compute.unset).
_declared_unknown(t, path) if compute.set_unknown(t, path)

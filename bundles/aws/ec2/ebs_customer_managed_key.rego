# METADATA
# title: EBS volumes are encrypted with a customer-managed KMS key
# description: >-
#   Without kms_key_id an encrypted volume uses the AWS-managed key aws/ebs,
#   which every principal of the account with EC2 permissions may use and
#   whose policy the organisation cannot change: it cannot limit who reads
#   the volume's snapshots, nor revoke access to them all at once. A
#   customer-managed key can.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume#kms_key_id
# custom:
#   id: TNT-AWS-EC2-008
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ebs_volume]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set encrypted = true and kms_key_id to the ARN of a customer-managed KMS key (a new volume, or a copy of a snapshot re-encrypted with the key).
package tenet.aws.ec2.ebs_customer_managed_key

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# kms_key_id is computed (the region's default key) when left out:
# unknown in a plan without a reference, which compute.set_unknown tells
# from a key set elsewhere. An unencrypted volume fails TNT-AWS-EC2-001
# and this rule both: it has no key at all.
deny contains result.fail_attr(v, "kms_key_id", "kms_key_id is not set: the volume uses the AWS-managed key aws/ebs, or none") if {
	some v in terraform.resources("aws_ebs_volume")
	terraform.get(v, "kms_key_id", "") == ""
	not compute.set_unknown(v, "kms_key_id")
}

unknown contains result.unknown(v, "kms_key_id") if {
	some v in terraform.resources("aws_ebs_volume")
	compute.presence_unknown(v, "kms_key_id")
}

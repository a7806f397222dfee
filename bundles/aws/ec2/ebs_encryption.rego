# METADATA
# title: EBS volumes are encrypted
# description: >-
#   An unencrypted volume leaves its data, and every snapshot taken from it,
#   readable to anyone who obtains a copy. Encryption cannot be added to an
#   existing volume in place, so it has to be decided at creation.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_encryption_by_default
# custom:
#   id: TNT-AWS-EC2-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ebs_volume]
#   controls:
#     cis-aws-3.0.0: ["2.2.1"]
#     cis-aws-1.5.0: ["2.2.1"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set encrypted = true on the volume, or enable aws_ebs_encryption_by_default for the region.
package tenet.aws.ec2.ebs_encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(v, "encrypted", "the volume is not encrypted") if {
	some v in _judged
	not terraform.is_true(v, "encrypted")
	not terraform.unknown(v, "encrypted")
}

# encrypted is optional and computed: left out, it is unknown on create
# (the account default or the snapshot decides).
unknown contains result.unknown(v, "encrypted") if {
	some v in _judged
	terraform.unknown(v, "encrypted")
}

# Account default encryption is credited only when declared in the same input.
_judged contains v if {
	not _encrypted_by_default
	some v in terraform.resources("aws_ebs_volume")
	not _from_encrypted_snapshot(v)
}

_encrypted_by_default if {
	some d in terraform.resources("aws_ebs_encryption_by_default")
	terraform.get(d, "enabled", true) == true
	not terraform.unknown(d, "enabled")
}

_from_encrypted_snapshot(v) if {
	some type in ["aws_ebs_snapshot", "aws_ebs_snapshot_copy"]
	some snapshot in terraform.referenced(v, type, "snapshot_id")
	terraform.is_true(snapshot, "encrypted")
}

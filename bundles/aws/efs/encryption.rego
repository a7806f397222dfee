# METADATA
# title: EFS file systems are encrypted at rest
# description: >-
#   An unencrypted file system exposes every file shared through it if the
#   storage or a backup copy is obtained. Encryption can only be turned on when
#   the file system is created, so it must be in the first apply.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system#encrypted
# custom:
#   id: TNT-AWS-EFS-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_efs_file_system]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.4.1"]
#     cis-aws-1.5.0: ["2.4.1"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set encrypted = true (optionally with kms_key_id) and recreate the file system.
package tenet.aws.efs.encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# encrypted is computed: left out, it is unknown in a plan, and the EFS API
# then creates an unencrypted file system.
deny contains result.fail_attr(fs, "encrypted", "encrypted is not true: the file system is not encrypted at rest") if {
	some fs in terraform.resources("aws_efs_file_system")
	not terraform.is_true(fs, "encrypted")
	not compute.set_unknown(fs, "encrypted")
}

unknown contains result.unknown(fs, "encrypted") if {
	some fs in terraform.resources("aws_efs_file_system")
	compute.set_unknown(fs, "encrypted")
}

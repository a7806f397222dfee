# METADATA
# title: S3 bucket versioning requires MFA to delete versions
# description: >-
#   With MFA delete, removing an object version or turning versioning off
#   needs the root user's MFA device, so stolen keys alone cannot wipe the
#   history. Only the root user can set it, so it is usually seen in state.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning#mfa_delete
# custom:
#   id: TNT-AWS-S3-009
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.1.2"]
#     cis-aws-1.5.0: ["2.1.3"]
#     nist-800-53-r5: ["CM-3", "CP-9", "SI-13(5)"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: >-
#     Enable MFA delete with the root user and record it as
#     versioning_configuration mfa_delete = "Enabled" in aws_s3_bucket_versioning.
package tenet.aws.s3.mfa_delete

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

_path := "versioning_configuration.mfa_delete"

deny contains result.fail(b, "MFA delete is not enabled in the bucket's versioning configuration") if {
	some b in terraform.resources("aws_s3_bucket")
	not _mfa_delete(b)
	count(_pending(b)) == 0
}

unknown contains result.unknown_via(b, v, _path) if {
	some b in terraform.resources("aws_s3_bucket")
	not _mfa_delete(b)
	some v in _pending(b)
}

# Provider v3 inline block (computed from v4 on: only known values count).
_mfa_delete(b) if true in terraform.values_at(b, "versioning.mfa_delete")

_mfa_delete(b) if {
	some v in s3.settings(b, "aws_s3_bucket_versioning")
	"Enabled" in terraform.values_at(v, _path)
}

_pending(b) := {v |
	some v in s3.settings(b, "aws_s3_bucket_versioning")
	terraform.unknown(v, _path)
}

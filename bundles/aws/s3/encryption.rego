# METADATA
# title: S3 buckets encrypt objects at rest by default
# description: >-
#   A bucket without an explicit default-encryption setting depends on
#   whatever AWS applies, which an auditor cannot review in code. Declaring
#   SSE-S3 or SSE-KMS makes encryption at rest a reviewed, versioned decision.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration
# custom:
#   id: TNT-AWS-S3-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     cis-aws-1.5.0: ["2.1.1"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(c)(2)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: >-
#     Add an aws_s3_bucket_server_side_encryption_configuration for the bucket
#     with sse_algorithm AES256, aws:kms or aws:kms:dsse.
package tenet.aws.s3.encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_algorithms := {"AES256", "aws:kms", "aws:kms:dsse"}

_separate := "aws_s3_bucket_server_side_encryption_configuration"

_algorithm := "rule.apply_server_side_encryption_by_default.sse_algorithm"

# Provider v3 inline block. From v4 on the block is computed: a block that is
# wholly unknown in a plan is not a declaration, so only a block present in
# values counts (both as a pass and as an unknown).
_inline := concat(".", ["server_side_encryption_configuration", _algorithm])

deny contains result.fail(b, msg) if {
	some b in _unencrypted
	not _undecided(b)
	msg := "no default encryption (AES256, aws:kms or aws:kms:dsse) is configured for the bucket"
}

unknown contains result.unknown(b, _inline) if {
	some b in _unencrypted
	count(terraform.get(b, "server_side_encryption_configuration", [])) > 0
	terraform.unknown(b, _inline)
}

unknown contains result.unknown_via(b, enc, "sse_algorithm") if {
	some b in _unencrypted
	some enc in terraform.referencing(b, _separate, "bucket")
	terraform.unknown(enc, _algorithm)
}

_unencrypted contains b if {
	some b in terraform.resources("aws_s3_bucket")
	not _encrypted(b)
}

_encrypted(b) if {
	some algorithm in terraform.values_at(b, _inline)
	algorithm in _algorithms
}

_encrypted(b) if {
	some enc in terraform.referencing(b, _separate, "bucket")
	some algorithm in terraform.values_at(enc, _algorithm)
	algorithm in _algorithms
}

_undecided(b) if {
	some u in unknown
	u.resource == b.address
}

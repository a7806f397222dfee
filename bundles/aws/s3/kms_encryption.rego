# METADATA
# title: S3 buckets encrypt objects by default with a customer-managed KMS key
# description: >-
#   With S3-managed keys anyone who can read an object can decrypt it, and the
#   key cannot be disabled or audited separately. A customer-managed KMS key
#   adds a second permission check and a key-usage trail in CloudTrail.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration
# custom:
#   id: TNT-AWS-S3-002
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: >-
#     Set sse_algorithm to aws:kms (or aws:kms:dsse) with kms_master_key_id
#     naming a customer-managed key in the bucket's encryption configuration.
package tenet.aws.s3.kms_encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

_default := "rule.apply_server_side_encryption_by_default"

# Provider v3 inline block; computed from v4 on, so only a block present in
# values is read (see encryption.rego).
_inline := concat(".", ["server_side_encryption_configuration", _default])

deny contains result.fail(b, "default encryption does not use a customer-managed KMS key (sse_algorithm aws:kms with kms_master_key_id)") if {
	some b in terraform.resources("aws_s3_bucket")
	not _cmk(b)
	count(_pending(b)) == 0
}

unknown contains result.unknown_via(b, holder, "sse_algorithm") if {
	some b in terraform.resources("aws_s3_bucket")
	not _cmk(b)
	some holder in _pending(b)
}

# A rule is [holder, path of apply_server_side_encryption_by_default blocks].
_rules(b) := array.concat(
	[[b, _inline] | count(terraform.get(b, "server_side_encryption_configuration", [])) > 0],
	[[enc, _default] | some enc in s3.settings(b, "aws_s3_bucket_server_side_encryption_configuration")],
)

# A key given by reference is unknown until apply yet set: it counts.
_cmk(b) if {
	some [holder, path] in _rules(b)
	some blocks in terraform.values_at(holder, path)
	some by_default in blocks
	by_default.sse_algorithm in {"aws:kms", "aws:kms:dsse"}
	_key_set(holder, by_default, concat(".", [path, "kms_master_key_id"]))
}

_key_set(_, by_default, _) if not object.get(by_default, "kms_master_key_id", "") in {"", null}

_key_set(holder, _, path) if terraform.unknown(holder, path)

_pending(b) := {holder |
	some [holder, path] in _rules(b)
	terraform.unknown(holder, concat(".", [path, "sse_algorithm"]))
}

# METADATA
# title: S3 buckets keep object versions
# description: >-
#   Versioning keeps every earlier version of an object, so an overwrite or a
#   deletion, accidental or malicious, can be undone. Without it a bucket has
#   no built-in way back.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning
# custom:
#   id: TNT-AWS-S3-008
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-9", "CP-10", "SI-12"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)", "164.312(c)(1)", "164.312(c)(2)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: >-
#     Add an aws_s3_bucket_versioning for the bucket with
#     versioning_configuration status "Enabled".
package tenet.aws.s3.versioning

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_separate := "aws_s3_bucket_versioning"

# The inline block (provider v3) is computed from v4 on: only a block present
# in values counts, a wholly unknown one is not a declaration.
deny contains result.fail(b, "versioning is not enabled for the bucket") if {
	some b in _unversioned
	not _undecided(b)
}

unknown contains result.unknown(b, "versioning.enabled") if {
	some b in _unversioned
	count(terraform.get(b, "versioning", [])) > 0
	terraform.unknown(b, "versioning.enabled")
}

unknown contains result.unknown_via(b, v, "versioning_configuration.status") if {
	some b in _unversioned
	some v in terraform.referencing(b, _separate, "bucket")
	terraform.unknown(v, "versioning_configuration.status")
}

_unversioned contains b if {
	some b in terraform.resources("aws_s3_bucket")
	not true in terraform.values_at(b, "versioning.enabled")
	not _enabled_separately(b)
}

_enabled_separately(b) if {
	some v in terraform.referencing(b, _separate, "bucket")
	"Enabled" in terraform.values_at(v, "versioning_configuration.status")
}

_undecided(b) if {
	some u in unknown
	u.resource == b.address
}

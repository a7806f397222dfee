# METADATA
# title: S3 buckets disable ACLs with the BucketOwnerEnforced ownership setting
# description: >-
#   With ACLs disabled the bucket owner owns every object and access is
#   governed by policies alone, which removes a second, easily overlooked
#   permission system. New buckets get this setting by default since 2023.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_ownership_controls
# custom:
#   id: TNT-AWS-S3-011
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "7.2.5", "7.3.1"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: >-
#     Set rule object_ownership = "BucketOwnerEnforced" in the bucket's
#     aws_s3_bucket_ownership_controls.
package tenet.aws.s3.ownership_enforced

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

# rules.csv fails a bucket without ownership controls. Since April 2023 S3
# creates every bucket with BucketOwnerEnforced, and neither a plan nor a
# state records the setting of a bucket without the separate resource, so an
# absence proves nothing: only a declared setting other than
# BucketOwnerEnforced fails, with the ownership controls resource named.
deny contains result.fail(b, sprintf("%s sets object_ownership %q, which keeps ACLs enabled", [c.address, o])) if {
	some b in terraform.resources("aws_s3_bucket")
	some c in s3.settings(b, "aws_s3_bucket_ownership_controls")
	some o in terraform.values_at(c, "rule.object_ownership")
	o != "BucketOwnerEnforced"
}

unknown contains result.unknown_via(b, c, "rule.object_ownership") if {
	some b in terraform.resources("aws_s3_bucket")
	some c in s3.settings(b, "aws_s3_bucket_ownership_controls")
	terraform.unknown(c, "rule.object_ownership")
}

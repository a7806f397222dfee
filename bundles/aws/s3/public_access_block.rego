# METADATA
# title: S3 buckets block every form of public access
# description: >-
#   A bucket-level public access block stops a mistaken ACL or bucket policy
#   from exposing data to the internet. All four settings are needed: each one
#   closes a different path (new ACLs, existing ACLs, new policies, public
#   policies).
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
# custom:
#   id: TNT-AWS-S3-003
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.1.4"]
#     cis-aws-1.5.0: ["2.1.5"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: >-
#     Add an aws_s3_bucket_public_access_block for the bucket with
#     block_public_acls, block_public_policy, ignore_public_acls and
#     restrict_public_buckets all set to true.
package tenet.aws.s3.public_access_block

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# In every provider version the block is a separate resource; its flags
# default to false.
_blocks(b) := terraform.referencing(b, "aws_s3_bucket_public_access_block", "bucket")

deny contains result.fail(b, "no aws_s3_bucket_public_access_block applies to the bucket") if {
	some b in terraform.resources("aws_s3_bucket")
	count(_blocks(b)) == 0
}

deny contains result.fail(b, sprintf("%s leaves %s off", [block.address, concat(", ", off)])) if {
	some b in terraform.resources("aws_s3_bucket")
	not _may_block(b)
	some block in _blocks(b)
	off := [f | some f in _flags; not terraform.is_true(block, f); not terraform.unknown(block, f)]
}

unknown contains result.unknown_via(b, block, concat(", ", pending)) if {
	some b in terraform.resources("aws_s3_bucket")
	not _blocked(b)
	some block in _blocks(b)
	every f in _flags {
		_true_or_unknown(block, f)
	}
	pending := [f | some f in _flags; terraform.unknown(block, f)]
}

_blocked(b) if {
	some block in _blocks(b)
	every f in _flags {
		terraform.is_true(block, f)
	}
}

_may_block(b) if {
	some block in _blocks(b)
	every f in _flags {
		_true_or_unknown(block, f)
	}
}

_true_or_unknown(block, f) if terraform.is_true(block, f)

_true_or_unknown(block, f) if terraform.unknown(block, f)

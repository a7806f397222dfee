# METADATA
# title: IAM policies do not let principals list every S3 bucket and its objects
# description: >-
#   Listing is how data is found: s3:ListAllMyBuckets names every bucket of
#   the account and s3:ListBucket on every bucket names every object, so a
#   leaked credential with either maps where the data lives before it reads
#   anything. A statement fails when it allows, on Resource "*" or on every
#   bucket ("arn:aws:s3:::*"), s3:ListAllMyBuckets, s3:ListBucket or
#   s3:ListBucketVersions, whether by name or through a wildcard such as
#   s3:List*, s3:* or *. Statements narrowed by a Condition and Deny
#   statements pass. A policy unknown until apply is read from its
#   aws_iam_policy_document data source when that is known, and is
#   otherwise reported unknown.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
# custom:
#   id: TNT-AWS-IAM-014
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Name the buckets in Resource (arn:aws:s3:::BUCKET for s3:ListBucket), drop s3:ListAllMyBuckets where the principal knows its buckets, or add a Condition such as s3:prefix.
package tenet.aws.iam.s3_broad_list

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# IAM action names compare in lower case; messages use the documented case.
_listing := {
	"s3:listallmybuckets": "s3:ListAllMyBuckets",
	"s3:listbucket": "s3:ListBucket",
	"s3:listbucketversions": "s3:ListBucketVersions",
}

deny contains result.fail_attr(p, "policy", msg) if {
	some p in _policies
	some msg in iam.agreed(_failures(p))
}

unknown contains result.unknown(p, "policy") if {
	some p in _policies
	terraform.unknown(p, "policy")
	iam.undecided(_failures(p))
}

_failures(p) := [{sprintf("%s allows %s on every bucket", [iam.statement_name(st, i), concat(", ", actions)]) |
	some i, st in statements
	not st.Condition
	_every_bucket(st)
	actions := [name | some a, name in _listing; iam.allows_action(st, a)]
	count(actions) > 0
} |
	some statements in iam.candidates(p, "policy")
]

_every_bucket(st) if {
	some r in iam.resources(st)
	_all_buckets(r)
}

_all_buckets("*")

_all_buckets(r) if regex.match(`^arn:aws[a-z-]*:s3:::\*$`, r)

_policies contains p if {
	some type in _types
	some p in terraform.resources(type)
}

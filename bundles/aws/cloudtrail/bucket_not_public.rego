# METADATA
# title: The S3 bucket that receives CloudTrail logs is not public
# description: >-
#   Trail logs map an account's resources, users and activity, which is what
#   an attacker needs to plan the next step. Their bucket must block public
#   access and grant nothing to everyone through its ACL or policy.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#s3_bucket_name
# custom:
#   id: TNT-AWS-CT-005
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#     per_resource: true
#   controls:
#     cis-aws-1.5.0: ["3.3"]
#     nist-800-53-r5: ["AC-3", "AU-9", "AU-9(3)", "SI-7"]
#     soc2-2017: ["CC6.1", "CC7.2"]
#     pci-dss-4.0: ["10.3.1", "10.3.2", "10.3.4"]
#     hipaa: ["164.312(b)", "164.312(c)(1)", "164.312(c)(2)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(b)"]
#   remediation: >-
#     Give the log bucket an aws_s3_bucket_public_access_block with all four
#     flags true, a private ACL and a policy without anonymous principals.
package tenet.aws.cloudtrail.bucket_not_public

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

# The bucket is judged as TNT-AWS-S3-003, 005 and 006 judge it, through the
# same lib.s3 helpers; a bucket outside the input is not judged.
deny contains result.fail_attr(t, "s3_bucket_name", sprintf("log bucket %s %s", [b.address, reason])) if {
	some t in terraform.resources("aws_cloudtrail")
	some b in terraform.referenced(t, "aws_s3_bucket", "s3_bucket_name")
	some reason in _reasons(b)
}

unknown contains result.unknown_via(t, x, attr) if {
	some t in terraform.resources("aws_cloudtrail")
	some b in terraform.referenced(t, "aws_s3_bucket", "s3_bucket_name")
	some [x, attr] in _pending(b)
}

_reasons(b) := ({"has no public access block with all four flags true" |
	not s3.public_access_blocked(b)
	count(s3.public_access_pending(b)) == 0
} | {sprintf("has a public ACL (%s: %s)", [r.address, msg]) |
	some [r, msg] in s3.public_acl_reasons(b)
}) | {sprintf("has a policy that allows any principal (%s)", [holder.address]) |
	some [holder, _, _] in s3.anonymous_statements(b)
}

_pending(b) := {[x, "public access block flags"] |
	not s3.public_access_blocked(b)
	some x in s3.public_access_pending(b)
} | {[x, "policy"] | some x in s3.pending_policies(b)}

# A bucket name through a local or each.value has no reference to join: the
# bucket is known only after apply.
unknown contains result.unknown(t, "s3_bucket_name") if {
	some t in terraform.resources("aws_cloudtrail")
	compute.presence_unknown(t, "s3_bucket_name")
}

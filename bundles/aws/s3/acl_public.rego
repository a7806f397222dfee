# METADATA
# title: S3 bucket ACLs grant nothing to everyone or to all AWS users
# description: >-
#   A public canned ACL or a grant to the AllUsers or AuthenticatedUsers group
#   lets anyone on the internet, or any AWS account, list or change objects.
#   Access should be granted to named principals through policies instead.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl
# custom:
#   id: TNT-AWS-S3-005
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: >-
#     Set the bucket ACL to private and remove grants to the AllUsers and
#     AuthenticatedUsers groups.
package tenet.aws.s3.acl_public

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

# The v3 acl and grant of the bucket are computed from v4 on: unknown in a
# plan they are not declarations, so only known values are read.
deny contains result.fail(b, sprintf("%s: %s", [r.address, msg])) if {
	some b in terraform.resources("aws_s3_bucket")
	some [r, msg] in s3.public_acl_reasons(b)
}

# The bucket's own acl (provider v3, deprecated since) set through a local.
unknown contains result.unknown(b, "acl") if {
	some b in terraform.resources("aws_s3_bucket")
	count(s3.public_acl_reasons(b)) == 0
	compute.set_unknown(b, "acl")
}

unknown contains result.unknown_via(b, acl, "acl") if {
	some b in terraform.resources("aws_s3_bucket")
	count(s3.public_acl_reasons(b)) == 0
	some acl in s3.settings(b, "aws_s3_bucket_acl")
	terraform.unknown(acl, "acl")
}

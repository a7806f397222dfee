# METADATA
# title: S3 bucket policies do not allow anonymous principals
# description: >-
#   A bucket policy statement that allows Principal "*" without a condition
#   tying it to an organization, account, VPC or source opens the bucket to
#   anyone on the internet. Public access should be a deliberate exception.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy
# custom:
#   id: TNT-AWS-S3-006
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
#     Name the principals in the bucket policy, or add a condition on
#     aws:PrincipalOrgID, aws:SourceVpce or aws:SourceAccount to the statement.
package tenet.aws.s3.policy_public

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

# aws_iam_policy_document data sources are read at plan time: their JSON is
# already in the policy attribute. The restricting condition keys are
# s3.restricting_keys.
deny contains result.fail(b, sprintf("%s of %s allows any principal without a restricting condition", [iam.statement_name(st, i), holder.address])) if {
	some b in terraform.resources("aws_s3_bucket")
	some [holder, i, st] in s3.anonymous_statements(b)
}

unknown contains result.unknown_via(b, holder, "policy") if {
	some b in terraform.resources("aws_s3_bucket")
	some holder in s3.pending_policies(b)
}

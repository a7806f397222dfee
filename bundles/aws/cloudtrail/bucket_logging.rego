# METADATA
# title: The S3 bucket that receives CloudTrail logs writes access logs
# description: >-
#   Access logs on the trail bucket show who read or tried to delete the audit
#   record itself. Without them tampering with the logs leaves no trace.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging
# custom:
#   id: TNT-AWS-CT-006
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["3.4"]
#     cis-aws-1.5.0: ["3.6"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add an aws_s3_bucket_logging for the trail's bucket with target_bucket naming another bucket.
package tenet.aws.cloudtrail.bucket_logging

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

# A bucket outside the input is not judged. Unlike TNT-AWS-S3-010, a trail
# bucket that also receives access logs is not excepted.
deny contains result.fail_attr(t, "s3_bucket_name", sprintf("log bucket %s has no server access logging", [b.address])) if {
	some t in terraform.resources("aws_cloudtrail")
	some b in terraform.referenced(t, "aws_s3_bucket", "s3_bucket_name")
	not s3.logged(b)
}

# A bucket name through a local or each.value has no reference to join: the
# bucket is known only after apply.
unknown contains result.unknown(t, "s3_bucket_name") if {
	some t in terraform.resources("aws_cloudtrail")
	compute.presence_unknown(t, "s3_bucket_name")
}

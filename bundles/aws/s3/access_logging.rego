# METADATA
# title: S3 buckets write server access logs
# description: >-
#   Server access logs record each request made to a bucket, which is what
#   an investigation needs to tell who read or changed which object. Buckets
#   that receive other buckets' access logs are not asked to log themselves.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging
# custom:
#   id: TNT-AWS-S3-010
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-6", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(3)(ii)(A)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: >-
#     Add an aws_s3_bucket_logging for the bucket with target_bucket naming a
#     dedicated log bucket.
package tenet.aws.s3.access_logging

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

# rules.csv excepts log buckets "by tag"; no tag convention exists, so a
# bucket is excepted when the input shows it receiving access logs (logging
# a log bucket into itself would loop). A target_bucket unknown until apply
# is set by a reference: it counts as logging (s3.logged).
deny contains result.fail(b, "server access logging is not enabled (no logging target_bucket)") if {
	some b in terraform.resources("aws_s3_bucket")
	not s3.logged(b)
	not s3.log_target(b)
	not _undecided(b)
}

# A logging configuration that the input writes but whose presence waits on
# the deployment (a CloudFormation LoggingConfiguration under a condition
# on a parameter) may or may not log. A plan's wholly unknown logging block
# is computed by the provider and declares nothing: "configured" tells the
# two apart.
unknown contains result.unknown(b, "logging") if {
	some b in terraform.resources("aws_s3_bucket")
	not s3.logged(b)
	not s3.log_target(b)
	_undecided(b)
}

_undecided(b) if {
	terraform.unknown(b, "logging")
	"logging" in object.get(b, "configured", [])
}

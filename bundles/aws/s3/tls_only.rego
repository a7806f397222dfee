# METADATA
# title: S3 bucket policies refuse requests that do not use TLS
# description: >-
#   S3 accepts plain HTTP unless the bucket policy denies it, so credentials
#   and data can cross the network unencrypted. A Deny statement on
#   aws:SecureTransport false (or an old TLS version) closes that path.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
# custom:
#   id: TNT-AWS-S3-007
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.1.1"]
#     cis-aws-1.5.0: ["2.1.2"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(c)(2)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: >-
#     Add a bucket policy statement that denies s3:* to Principal "*" on the
#     bucket and its objects when aws:SecureTransport is false.
package tenet.aws.s3.tls_only

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

# The statement's Resource is not compared with the bucket ARN: in a plan the
# ARN is often unknown until apply, and a policy attached to the bucket can
# only name that bucket and its objects.
deny contains result.fail(b, "no bucket policy statement denies requests made without TLS (aws:SecureTransport false)") if {
	some b in terraform.resources("aws_s3_bucket")
	not _tls_only(b)
	count(s3.pending_policies(b)) == 0
}

unknown contains result.unknown_via(b, holder, "policy") if {
	some b in terraform.resources("aws_s3_bucket")
	not _tls_only(b)
	some holder in s3.pending_policies(b)
}

_tls_only(b) if {
	some [_, _, st] in s3.policy_statements(b)
	st.Effect == "Deny"
	_everyone(st.Principal)
	some action in iam.actions(st)
	action in {"*", "s3:*"}
	_insecure_transport(st.Condition)
}

_everyone("*")

_everyone(p) if "*" in iam.as_list(object.get(p, "AWS", null))

_insecure_transport(condition) if {
	some k, v in condition.Bool
	lower(k) == "aws:securetransport"
	some x in iam.as_list(v)
	lower(sprintf("%v", [x])) == "false"
}

_insecure_transport(condition) if {
	some k, v in condition.NumericLessThan
	lower(k) == "s3:tlsversion"
	some x in iam.as_list(v)
	to_number(x) >= 1.2
}

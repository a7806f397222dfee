# METADATA
# title: Instances require IMDSv2 session tokens for instance metadata
# description: >-
#   IMDSv1 answers any local HTTP GET, so a server-side request forgery bug
#   in an application is enough to steal the instance role's credentials.
#   Requiring session tokens (IMDSv2) blocks that path.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#metadata-options
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#metadata-options
# custom:
#   id: TNT-AWS-EC2-004
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   controls:
#     cis-aws-3.0.0: ["5.6"]
#     nist-800-53-r5: ["AC-3", "AC-6", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Add metadata_options { http_tokens = "required" } (or http_endpoint = "disabled").
package tenet.aws.ec2.imdsv2

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_tokens := "metadata_options.0.http_tokens"

_endpoint := "metadata_options.0.http_endpoint"

# Undeclared blocks (the same principle as TNT-AWS-EC2-003): without a
# metadata_options block, http_tokens comes from the AMI (ImdsSupport) and
# the account's instance metadata defaults, not from the configuration. A
# plan that lists the block as wholly unknown cannot show them, so the rule
# reports unknown, unless the same input requires tokens by default
# (aws_ec2_instance_metadata_defaults). A block known to be absent or a
# known http_tokens (state, or a launch template in a plan whose provider
# does not compute the block) is judged by its value: "optional" leaves
# IMDSv1 on.
deny contains result.fail_attr(r, "metadata_options.http_tokens", msg) if {
	some r in compute.launches
	not _decided(r)
	not _undeclared_unknown(r)
	not _account_default(r)
	not terraform.get(r, _tokens, "") == "required"
	not terraform.get(r, _endpoint, "") == "disabled"
	msg := _message(r)
}

_message(r) := "metadata_options is not declared: http_tokens defaults to optional and IMDSv1 stays available" if {
	count(terraform.get(r, "metadata_options", [])) == 0
} else := sprintf("metadata_options.http_tokens is %q, not \"required\": IMDSv1 stays available", [terraform.get(r, _tokens, "unset")])

unknown contains result.unknown(r, "metadata_options.http_tokens") if {
	some r in compute.launches
	_decided(r)
}

unknown contains result.unknown_msg(r, "metadata_options.http_tokens", msg) if {
	some r in compute.launches
	_undeclared_unknown(r)
	not _account_default(r)
	msg := "metadata_options is not declared: http_tokens is decided by the AMI or the account's instance metadata defaults, unknown until apply"
}

# Declared but known only after apply: the block is in values and http_tokens
# (or http_endpoint, which can make it moot) is unknown.
_decided(r) if {
	count(terraform.get(r, "metadata_options", [])) > 0
	not terraform.get(r, _tokens, "") == "required"
	not terraform.get(r, _endpoint, "") == "disabled"
	terraform.any_unknown(r, [_tokens, _endpoint])
}

# Not declared, and wholly unknown in the plan: filled in at apply.
_undeclared_unknown(r) if {
	count(terraform.get(r, "metadata_options", [])) == 0
	terraform.unknown(r, "metadata_options")
}

# An undeclared block takes the account's instance metadata defaults: when
# the same input requires tokens there (aws_ec2_instance_metadata_defaults),
# the launch is covered.
_account_default(r) if {
	count(terraform.get(r, "metadata_options", [])) == 0
	some d in terraform.resources("aws_ec2_instance_metadata_defaults")
	terraform.get(d, "http_tokens", "") == "required"
}

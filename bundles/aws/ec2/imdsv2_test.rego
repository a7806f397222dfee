package tenet.aws.ec2.imdsv2_test

import rego.v1

import data.tenet.aws.ec2.imdsv2 as check
import data.tenet.lib.fixtures

_instance(values) := fixtures.resource("aws_instance", "web", object.union({"ami": "ami-1"}, values))

_opts(tokens, endpoint) := {"metadata_options": [{"http_tokens": tokens, "http_endpoint": endpoint}]}

test_deny_optional_tokens if {
	check.deny == {{
		"msg": "metadata_options.http_tokens is \"optional\", not \"required\": IMDSv1 stays available",
		"resource": "aws_instance.web",
		"attribute": "metadata_options.http_tokens",
	}} with input as fixtures.state([_instance(_opts("optional", "enabled"))])
}

# A block known to be absent is judged: http_tokens defaults to optional.
test_deny_block_known_absent if {
	lt := fixtures.resource("aws_launch_template", "web", {"metadata_options": []})
	lc := fixtures.resource("aws_launch_configuration", "web", {"image_id": "ami-1"})
	inp := fixtures.plan([lt, lc])
	{f.msg | some f in check.deny} == {"metadata_options is not declared: http_tokens defaults to optional and IMDSv1 stays available"} with input as inp
	{f.resource | some f in check.deny} == {"aws_launch_template.web", "aws_launch_configuration.web"} with input as inp
	check.unknown == set() with input as inp
}

# An undeclared block that the plan lists as wholly unknown is filled in at
# apply from the AMI and the account's defaults, as TNT-AWS-EC2-003 says of
# the root device (issue 14: the two rules disagreed on one instance).
test_unknown_computed_block_in_plan if {
	i := fixtures.computed(_instance({}), ["metadata_options"])
	inp := fixtures.plan([i])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "metadata_options is not declared: http_tokens is decided by the AMI or the account's instance metadata defaults, unknown until apply",
		"resource": "aws_instance.web",
		"attribute": "metadata_options.http_tokens",
	}} with input as inp
}

# The same block set through a local or a dynamic block.
test_unknown_block_through_local if {
	i := fixtures.from_local(_instance({}), ["metadata_options"])
	inp := fixtures.plan([i])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_instance.web"} with input as inp
}

test_allow_computed_block_with_account_default if {
	i := fixtures.computed(_instance({}), ["metadata_options"])
	d := fixtures.resource("aws_ec2_instance_metadata_defaults", "this", {"http_tokens": "required"})
	inp := fixtures.plan([i, d])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_required_or_disabled if {
	lt := fixtures.resource("aws_launch_template", "web", _opts("required", "enabled"))
	off := fixtures.resource("aws_launch_configuration", "off", _opts("optional", "disabled"))
	inp := fixtures.plan([_instance(_opts("required", "enabled")), lt, off])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_declared_tokens if {
	i := fixtures.with_unknown(_instance({"metadata_options": [{"http_endpoint": "enabled"}]}), ["metadata_options.0.http_tokens"])
	inp := fixtures.plan([i])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "metadata_options.http_tokens is unknown until apply",
		"resource": "aws_instance.web",
		"attribute": "metadata_options.http_tokens",
	}} with input as inp
}

test_allow_account_metadata_defaults if {
	lt := fixtures.with_unknown(fixtures.resource("aws_launch_template", "web", {"metadata_options": []}), ["metadata_options"])
	d := fixtures.resource("aws_ec2_instance_metadata_defaults", "this", {"http_tokens": "required"})
	check.deny == set() with input as fixtures.plan([lt, d])
}

# trivychecks-terraform-plan-tfplan.json: a launch template with no
# metadata_options block (wholly unknown, computed) takes http_tokens from
# the AMI and the account at launch: unknown, as in
# checkov-plan-tfplan.json's instances.
test_unknown_trivychecks_launch_template_without_block if {
	lt := fixtures.with_unknown(fixtures.resource("aws_launch_template", "this", {"block_device_mappings": [], "network_interfaces": []}), ["id", "metadata_options"])
	inp := fixtures.plan([lt])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_launch_template.this"} with input as inp
}

package tenet.aws.ec2.block_device_encryption_test

import rego.v1

import data.tenet.aws.ec2.block_device_encryption as check
import data.tenet.lib.fixtures

_instance(values) := fixtures.resource("aws_instance", "web", object.union({"ami": "ami-123", "instance_type": "t3.micro"}, values))

_lt(ebs) := fixtures.resource("aws_launch_template", "web", {"block_device_mappings": [
	{"device_name": "/dev/sdf", "no_device": "", "ebs": []},
	{"device_name": "/dev/xvda", "ebs": [ebs]},
]})

test_deny_unencrypted_root_and_data_devices if {
	i := _instance({
		"root_block_device": [{"encrypted": false, "volume_size": 20}],
		"ebs_block_device": [{"device_name": "/dev/sdg", "encrypted": true}, {"device_name": "/dev/sdh", "encrypted": false}],
	})
	check.deny == {
		{"msg": "root_block_device.0.encrypted is not true: the volume is not encrypted", "resource": "aws_instance.web", "attribute": "root_block_device.0.encrypted"},
		{"msg": "ebs_block_device.1.encrypted is not true: the volume is not encrypted", "resource": "aws_instance.web", "attribute": "ebs_block_device.1.encrypted"},
	} with input as fixtures.state([i])
}

test_deny_state_without_root_block_device if {
	i := fixtures.resource("aws_launch_configuration", "asg", {"image_id": "ami-1", "root_block_device": []})
	{f.resource | some f in check.deny} == {"aws_launch_configuration.asg"} with input as fixtures.state([i])
}

test_deny_launch_template_mapping if {
	check.deny == {{
		"msg": "block_device_mappings.1.ebs.0.encrypted is not \"true\"",
		"resource": "aws_launch_template.web",
		"attribute": "block_device_mappings.1.ebs.0.encrypted",
	}} with input as fixtures.plan([_lt({"encrypted": "", "volume_size": 50})])
}

test_allow_encrypted_devices if {
	i := _instance({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": true}]})
	inp := fixtures.plan([i, _lt({"encrypted": "true"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_snapshot_devices if {
	i := _instance({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": false, "snapshot_id": "snap-1"}]})
	check.deny == set() with input as fixtures.state([i, _lt({"encrypted": "", "snapshot_id": "snap-2"})])
}

test_allow_account_default_encryption if {
	i := _instance({"root_block_device": [{"encrypted": false}]})
	d := fixtures.resource("aws_ebs_encryption_by_default", "this", {"enabled": true})
	check.deny == set() with input as fixtures.plan([i, d])
}

test_unknown_root_device_left_to_ami if {
	i := fixtures.with_unknown(_instance({}), ["root_block_device", "ebs_block_device"])
	inp := fixtures.plan([i])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "root volume encryption is decided by the AMI or the account default, unknown until apply",
		"resource": "aws_instance.web",
		"attribute": "root_block_device",
	}} with input as inp
}

test_unknown_encrypted_flag if {
	i := fixtures.with_unknown(_instance({"root_block_device": [{"volume_size": 20}]}), ["root_block_device.0.encrypted"])
	lt := fixtures.with_unknown(_lt({}), ["block_device_mappings.1.ebs.0.encrypted"])
	inp := fixtures.plan([i, lt])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {
		["aws_instance.web", "root_block_device.0.encrypted"],
		["aws_launch_template.web", "block_device_mappings.1.ebs.0.encrypted"],
	} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_launch_template_mappings_through_local if {
	lt := fixtures.from_local(fixtures.resource("aws_launch_template", "web", {}), ["block_device_mappings"])
	check.deny == set() with input as fixtures.plan([lt])
	{f.attribute | some f in check.unknown} == {"block_device_mappings"} with input as fixtures.plan([lt])
}

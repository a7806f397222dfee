package tenet.aws.vpc.default_vpc_test

import rego.v1

import data.tenet.aws.vpc.default_vpc as check
import data.tenet.lib.fixtures

_default_vpc := fixtures.with_unknown(fixtures.resource("aws_default_vpc", "default", {}), ["id"])

_default_subnet := fixtures.with_unknown(fixtures.resource("aws_default_subnet", "a", {"availability_zone": "us-east-1a"}), ["id"])

_vpc := fixtures.with_unknown(fixtures.resource("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"}), ["id"])

_subnet := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_subnet", "private", {"cidr_block": "10.0.1.0/24"}), "vpc_id", _vpc), ["id"])

test_deny_references_in_a_plan if {
	sg := fixtures.points_at(fixtures.resource("aws_security_group", "web", {"name": "web"}), "vpc_id", _default_vpc)
	instance := fixtures.points_at(fixtures.resource("aws_instance", "web", {"ami": "ami-1"}), "subnet_id", _default_subnet)
	lb := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_lb", "web", {}), ["subnets"]), {"subnets": ["aws_default_subnet.a"]})
	fn := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_lambda_function", "f", {"vpc_config": [{"security_group_ids": ["sg-1"]}]}), ["vpc_config.0.subnet_ids"]), {"vpc_config.subnet_ids": ["aws_default_subnet.a"]})

	# A subnet created in the default VPC is one of its subnets.
	inside := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_subnet", "inside", {"cidr_block": "172.31.128.0/20"}), "vpc_id", _default_vpc), ["id"])
	group := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_db_subnet_group", "db", {"name": "db"}), ["subnet_ids"]), {"subnet_ids": ["aws_subnet.inside"]})
	inp := fixtures.plan([_default_vpc, _default_subnet, sg, instance, lb, fn, inside, group])
	check.deny == {
		{"msg": "vpc_id refers to the default VPC (aws_default_vpc.default)", "resource": "aws_security_group.web", "attribute": "vpc_id"},
		{"msg": "subnet_id refers to a subnet of the default VPC (aws_default_subnet.a)", "resource": "aws_instance.web", "attribute": "subnet_id"},
		{"msg": "subnets refers to a subnet of the default VPC (aws_default_subnet.a)", "resource": "aws_lb.web", "attribute": "subnets"},
		{"msg": "vpc_config.subnet_ids refers to a subnet of the default VPC (aws_default_subnet.a)", "resource": "aws_lambda_function.f", "attribute": "vpc_config.subnet_ids"},
		{"msg": "subnet_ids refers to a subnet of the default VPC (aws_subnet.inside)", "resource": "aws_db_subnet_group.db", "attribute": "subnet_ids"},
	} with input as inp
	check.unknown == set() with input as inp
}

# infracost-terraform_v0.14_state.json: instances and a DB subnet group in
# the subnets that data.aws_subnet_ids reads from the default VPC.
test_deny_by_value_in_state if {
	vpc := fixtures.resource("aws_default_vpc", "default", {"id": "vpc-1b20b966"})
	ids := fixtures.data_source("aws_subnet_ids", "default", {"id": "vpc-1b20b966", "vpc_id": "vpc-1b20b966", "ids": ["subnet-13990a22", "subnet-286f234e"]})
	instance := fixtures.resource("aws_instance", "web", {"subnet_id": "subnet-286f234e"})
	group := fixtures.resource("aws_db_subnet_group", "db", {"subnet_ids": ["subnet-13990a22", "subnet-286f234e"]})
	sg := fixtures.resource("aws_security_group", "web", {"vpc_id": "vpc-1b20b966"})
	other := fixtures.resource("aws_instance", "other", {"subnet_id": "subnet-99999999"})

	# Two modules manage the same default VPC and read the same subnets.
	twin := fixtures.in_module(vpc, "module.db")
	twin_ids := fixtures.in_module(ids, "module.db")
	check.deny == {
		{"msg": "subnet_id names subnet-286f234e, in the default VPC (data.aws_subnet_ids.default)", "resource": "aws_instance.web", "attribute": "subnet_id"},
		{"msg": "subnet_ids names subnet-13990a22, subnet-286f234e, in the default VPC (data.aws_subnet_ids.default)", "resource": "aws_db_subnet_group.db", "attribute": "subnet_ids"},
		{"msg": "vpc_id names vpc-1b20b966, the default VPC (aws_default_vpc.default)", "resource": "aws_security_group.web", "attribute": "vpc_id"},
	} with input as fixtures.state([vpc, ids, instance, group, sg, other, twin, twin_ids])
}

test_deny_default_vpc_data_sources if {
	vpc := fixtures.data_source("aws_vpc", "default", {"id": "vpc-1", "default": true})
	az := fixtures.data_source("aws_subnet", "az", {"id": "subnet-a", "default_for_az": true})
	by_filter := fixtures.data_source("aws_subnets", "filter", {"ids": ["subnet-b"], "filter": [{"name": "vpc-id", "values": ["vpc-1"]}]})
	by_ref := fixtures.with_unknown(fixtures.with_refs(fixtures.data_source("aws_subnets", "ref", {"ids": ["subnet-c"], "filter": [{"name": "vpc-id"}]}), {"filter.values": ["data.aws_vpc.default"]}), ["filter.0.values"])
	in_vpc := fixtures.data_source("aws_subnet", "in_vpc", {"id": "subnet-e", "vpc_id": "vpc-1", "default_for_az": false})
	instance := fixtures.resource("aws_instance", "web", {"subnet_id": "subnet-e"})
	by_az := fixtures.data_source("aws_subnets", "az", {"ids": ["subnet-d"], "filter": [{"name": "default-for-az", "values": ["true"]}]})
	elb := fixtures.resource("aws_elb", "web", {"subnets": ["subnet-a", "subnet-b"]})
	alb := fixtures.resource("aws_alb", "web", {"subnet_mapping": [{"subnet_id": "subnet-c"}, {"subnet_id": "subnet-d"}]})
	inp := fixtures.plan([vpc, az, by_filter, by_ref, by_az, in_vpc, elb, alb, instance])
	{[f.resource, f.msg] | some f in check.deny} == {
		["aws_elb.web", "subnets names subnet-a, subnet-b, in the default VPC (data.aws_subnet.az, data.aws_subnets.filter)"],
		["aws_alb.web", "subnet_mapping.subnet_id names subnet-c, subnet-d, in the default VPC (data.aws_subnets.az, data.aws_subnets.ref)"],
		["aws_instance.web", "subnet_id names subnet-e, in the default VPC (data.aws_subnet.in_vpc)"],
	} with input as inp
}

test_deny_left_out_of_the_configuration if {
	sg := fixtures.computed(fixtures.resource("aws_security_group", "web", {"name": "web"}), ["vpc_id"])
	instance := fixtures.computed(fixtures.resource("aws_instance", "web", {"ami": "ami-1"}), ["subnet_id", "network_interface"])
	check.deny == {
		{"msg": "the security group names no vpc_id: AWS creates it in the default VPC", "resource": "aws_security_group.web", "attribute": "vpc_id"},
		{"msg": "the instance names no subnet, network interface or launch template: it launches into a default subnet of the default VPC", "resource": "aws_instance.web", "attribute": "subnet_id"},
	} with input as fixtures.plan([sg, instance])
}

test_allow_own_vpc if {
	sg := fixtures.points_at(fixtures.resource("aws_security_group", "web", {"name": "web"}), "vpc_id", _vpc)
	instance := fixtures.points_at(fixtures.resource("aws_instance", "web", {"ami": "ami-1"}), "subnet_id", _subnet)
	lt := fixtures.computed(fixtures.resource("aws_instance", "lt", {"launch_template": [{"id": "lt-1"}]}), ["subnet_id", "network_interface"])
	eni := fixtures.computed(fixtures.resource("aws_instance", "eni", {"network_interface": [{"network_interface_id": "eni-1", "device_index": 0}]}), ["subnet_id"])
	dynamic := fixtures.with_unknown(fixtures.with_configured(fixtures.computed(fixtures.resource("aws_instance", "dyn", {}), ["subnet_id"]), ["network_interface.device_index"]), ["network_interface"])
	dynamic_lt := fixtures.with_unknown(fixtures.with_configured(fixtures.computed(fixtures.resource("aws_instance", "dlt", {}), ["subnet_id"]), ["launch_template.id"]), ["launch_template"])
	literal := fixtures.resource("aws_instance", "literal", {"subnet_id": "subnet-123"})
	lambda := fixtures.resource("aws_lambda_function", "f", {"vpc_config": []})
	inp := fixtures.plan([_vpc, _subnet, _default_vpc, sg, instance, lt, eni, dynamic, dynamic_lt, literal, lambda])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_ids if {
	both := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_db_subnet_group", "db", {"name": "db"}), ["subnet_ids"]), {"subnet_ids": ["aws_default_subnet.a", "aws_subnet.private"]})
	local := fixtures.from_local(fixtures.resource("aws_security_group", "web", {"name": "web"}), ["vpc_id"])
	inp := fixtures.plan([_default_vpc, _default_subnet, _vpc, _subnet, both, local])
	check.deny == set() with input as inp
	check.unknown == {
		{"msg": "subnet_ids is unknown until apply and may refer to a subnet of the default VPC (aws_default_subnet.a)", "resource": "aws_db_subnet_group.db", "attribute": "subnet_ids"},
		{"msg": "vpc_id is unknown until apply, and the document reads the default VPC", "resource": "aws_security_group.web", "attribute": "vpc_id"},
	} with input as inp

	# Without a default VPC in the document, an id through a local is not judged.
	check.unknown == set() with input as fixtures.plan([local])
}

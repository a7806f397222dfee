package tenet.aws.autoscaling.multi_az_test

import rego.v1

import data.tenet.aws.autoscaling.multi_az as check
import data.tenet.lib.fixtures

_group(name, values) := fixtures.resource("aws_autoscaling_group", name, object.union({"max_size": 3, "min_size": 1}, values))

test_deny_single_subnet_and_single_zone if {
	subnet := fixtures.computed(_group("subnet", {"vpc_zone_identifier": ["subnet-1"]}), ["availability_zones"])
	zone := _group("zone", {"availability_zones": ["us-east-1a"]})
	check.deny == {
		{"msg": "the group places its instances in a single subnet", "resource": "aws_autoscaling_group.subnet", "attribute": "vpc_zone_identifier"},
		{"msg": "the group places its instances in a single Availability Zone", "resource": "aws_autoscaling_group.zone", "attribute": "availability_zones"},
	} with input as fixtures.plan([subnet, zone])
}

# State records the zones of the subnets: two subnets in one zone fail.
test_deny_two_subnets_in_one_zone if {
	g := _group("web", {"vpc_zone_identifier": ["subnet-1", "subnet-2"], "availability_zones": ["us-east-1a"]})
	{f.attribute | some f in check.deny} == {"availability_zones"} with input as fixtures.state([g])
}

test_allow_several_zones if {
	subnets := fixtures.computed(_group("subnets", {"vpc_zone_identifier": ["subnet-1", "subnet-2"]}), ["availability_zones"])
	zones := _group("zones", {"availability_zones": ["us-east-1a", "us-east-1b"]})

	# Two subnets whose ids are not known yet are still two subnets.
	created := fixtures.computed(_group("created", {"vpc_zone_identifier": [null, null]}), ["vpc_zone_identifier.0", "vpc_zone_identifier.1", "availability_zones"])
	inp := fixtures.plan([subnets, zones, created])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_placement if {
	g := fixtures.computed(_group("web", {}), ["vpc_zone_identifier", "availability_zones"])
	inp := fixtures.plan([g])
	check.deny == set() with input as inp
	check.unknown == {{"resource": "aws_autoscaling_group.web", "attribute": "vpc_zone_identifier", "msg": "the subnets and zones of the group are unknown until apply"}} with input as inp
}

# A template's zones from !GetAZs: the finding points at the zones.
test_unknown_zones if {
	g := fixtures.computed(_group("web", {}), ["availability_zones"])
	inp := fixtures.plan([g])
	check.deny == set() with input as inp
	check.unknown == {{"resource": "aws_autoscaling_group.web", "attribute": "availability_zones", "msg": "the subnets and zones of the group are unknown until apply"}} with input as inp
}

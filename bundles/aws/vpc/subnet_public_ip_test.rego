package tenet.aws.vpc.subnet_public_ip_test

import rego.v1

import data.tenet.aws.vpc.subnet_public_ip as check
import data.tenet.lib.fixtures

_subnet(name, values) := fixtures.resource("aws_subnet", name, object.union({"cidr_block": "10.0.1.0/24"}, values))

test_deny_public_mapping if {
	check.deny == {{
		"msg": "map_public_ip_on_launch is true: instances get public IP addresses",
		"resource": "aws_subnet.app",
		"attribute": "map_public_ip_on_launch",
	}} with input as fixtures.plan([_subnet("app", {"map_public_ip_on_launch": true, "tags": {"Tier": "private"}})])
}

test_allow_private_and_tagged_public_tier if {
	inp := fixtures.state([
		_subnet("private", {"map_public_ip_on_launch": false}),
		_subnet("public", {"map_public_ip_on_launch": true, "tags": {"tier": "Public"}}),
		_subnet("elb", {"map_public_ip_on_launch": true, "tags": {"kubernetes.io/role/elb": "1"}}),
	])
	check.deny == set() with input as inp
}

test_unknown_mapping if {
	inp := fixtures.plan([fixtures.with_unknown(_subnet("app", {}), ["map_public_ip_on_launch"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_subnet.app"} with input as inp
}

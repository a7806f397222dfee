package tenet.aws.vpc.flow_logs_test

import rego.v1

import data.tenet.aws.vpc.flow_logs as check
import data.tenet.lib.fixtures

_vpc(name) := fixtures.with_unknown(fixtures.resource("aws_vpc", name, {"cidr_block": "10.0.0.0/16"}), ["id", "arn"])

_log(name, traffic) := fixtures.resource("aws_flow_log", name, {"traffic_type": traffic, "log_destination_type": "cloud-watch-logs"})

_msg := "no aws_flow_log with traffic_type ALL or REJECT is attached to the VPC (vpc_id)"

test_deny_vpc_without_flow_log if {
	main := _vpc("main")
	other := _vpc("other")
	inp := fixtures.plan([main, other, fixtures.points_at(_log("other", "ALL"), "vpc_id", other)])
	check.deny == {{"msg": _msg, "resource": "aws_vpc.main"}} with input as inp
}

test_deny_accept_only_flow_log_in_state if {
	vpc := fixtures.resource("aws_vpc", "main", {"id": "vpc-0abc"})
	log := fixtures.patch(_log("main", "ACCEPT"), {"values": {"vpc_id": "vpc-0abc"}})
	{f.resource | some f in check.deny} == {"aws_vpc.main"} with input as fixtures.state([vpc, log])
}

test_allow_flow_log_by_reference_and_by_value if {
	a := _vpc("a")
	b := fixtures.resource("aws_vpc", "b", {"id": "vpc-0b"})
	inp := fixtures.plan([a, b, fixtures.points_at(_log("a", "REJECT"), "vpc_id", a), fixtures.patch(_log("b", "ALL"), {"values": {"vpc_id": "vpc-0b"}})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_traffic_type if {
	vpc := _vpc("main")
	log := fixtures.with_unknown(fixtures.points_at(_log("main", null), "vpc_id", vpc), ["traffic_type"])
	inp := fixtures.plan([vpc, log])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "traffic_type of aws_flow_log.main is unknown until apply", "resource": "aws_vpc.main"}} with input as inp
}

# infracost-terraform_v0.14_state.json manages the default VPC without a
# flow log.
test_deny_default_vpc_in_state if {
	vpc := fixtures.resource("aws_default_vpc", "default", {"id": "vpc-0def"})
	{f.resource | some f in check.deny} == {"aws_default_vpc.default"} with input as fixtures.state([vpc])
	check.deny == set() with input as fixtures.state([vpc, fixtures.patch(_log("d", "REJECT"), {"values": {"vpc_id": "vpc-0def"}})])
}

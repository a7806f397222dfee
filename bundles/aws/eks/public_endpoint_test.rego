package tenet.aws.eks.public_endpoint_test

import rego.v1

import data.tenet.aws.eks.public_endpoint as check
import data.tenet.lib.fixtures

_cluster(vpc_config) := fixtures.resource("aws_eks_cluster", "main", {"name": "main", "vpc_config": [vpc_config]})

test_deny_default_public_endpoint if {
	c := fixtures.computed(fixtures.with_configured(_cluster({"subnet_ids": ["subnet-1"]}), ["vpc_config.subnet_ids"]), ["vpc_config.0.public_access_cidrs"])
	check.deny == {{
		"msg": "the public API endpoint admits every address (public_access_cidrs is not set)",
		"resource": "aws_eks_cluster.main",
		"attribute": "vpc_config.public_access_cidrs",
	}} with input as fixtures.plan([c])
}

test_deny_open_cidr_in_state if {
	c := _cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]})
	{f.msg | some f in check.deny} == {"the public API endpoint admits 0.0.0.0/0 (public_access_cidrs)"} with input as fixtures.state([c])
}

test_allow_private_or_restricted if {
	private := _cluster({"endpoint_public_access": false, "public_access_cidrs": ["0.0.0.0/0"]})
	restricted := fixtures.patch(_cluster({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}), {"address": "aws_eks_cluster.restricted"})
	inp := fixtures.plan([private, restricted])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_cidrs_from_reference if {
	c := fixtures.with_refs(
		fixtures.with_unknown(_cluster({}), ["vpc_config.0.public_access_cidrs"]),
		{"vpc_config.public_access_cidrs": ["data.http.office_ip"]},
	)
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"vpc_config.public_access_cidrs"} with input as inp
}

test_unknown_public_access_flag if {
	c := fixtures.with_unknown(_cluster({"public_access_cidrs": ["0.0.0.0/0"]}), ["vpc_config.0.endpoint_public_access"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"vpc_config.endpoint_public_access"} with input as inp
}

# Issue 14 (../shared/repro/locals_plan.json): set through a local or
# each.value, no reference, unknown until apply.
test_unknown_cidrs_through_local if {
	c := fixtures.from_local(_cluster({"endpoint_public_access": true, "subnet_ids": ["subnet-1"]}), ["vpc_config.0.public_access_cidrs"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"vpc_config.public_access_cidrs"} with input as inp
}

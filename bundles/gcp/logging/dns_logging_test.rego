package tenet.gcp.logging.dns_logging_test

import rego.v1

import data.tenet.gcp.logging.dns_logging as check
import data.tenet.lib.fixtures

_net := fixtures.resource("google_compute_network", "vpc", {"name": "vpc", "project": "prod"})

_policy(values) := fixtures.resource("google_dns_policy", "p", object.union({"name": "p"}, values))

test_deny_network_without_policy if {
	check.deny == {{
		"msg": "no DNS policy with enable_logging = true is attached to the network",
		"resource": "google_compute_network.vpc",
	}} with input as fixtures.state([_net])
}

test_deny_policy_without_logging_or_other_network if {
	inp := fixtures.state([
		_net,
		_policy({"enable_logging": false, "networks": [{"network_url": "projects/prod/global/networks/vpc"}]}),
		fixtures.resource("google_dns_policy", "other", {"enable_logging": true, "networks": [{"network_url": "projects/dev/global/networks/vpc"}]}),
	])
	{f.resource | some f in check.deny} == {"google_compute_network.vpc"} with input as inp
}

test_allow_policy_by_url if {
	p := _policy({"enable_logging": true, "networks": [{"network_url": "https://www.googleapis.com/compute/v1/projects/prod/global/networks/vpc"}]})
	check.deny == set() with input as fixtures.state([_net, p])
}

test_allow_policy_by_reference if {
	p := fixtures.with_refs(fixtures.with_unknown(_policy({"enable_logging": true, "networks": [{}]}), ["networks.0.network_url"]), {"networks.network_url": ["google_compute_network.vpc"]})
	inp := fixtures.plan([_net, p])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_logging_through_local if {
	p := fixtures.from_local(_policy({"networks": [{"network_url": "projects/prod/global/networks/vpc"}]}), ["enable_logging"])
	inp := fixtures.plan([_net, p])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_network.vpc"} with input as inp
}

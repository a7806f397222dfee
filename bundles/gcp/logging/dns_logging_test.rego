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

test_reference_and_url_in_one_plan if {
	a := fixtures.resource("google_compute_network", "a", {"name": "a", "project": "prod"})
	b := fixtures.resource("google_compute_network", "b", {"name": "b", "project": "prod"})
	c := fixtures.resource("google_compute_network", "c", {"name": "c"})
	by_ref := fixtures.with_refs(fixtures.resource("google_dns_policy", "ref", {"enable_logging": true, "networks": [{}]}), {"networks.network_url": ["google_compute_network.a"]})
	unlogged := fixtures.resource("google_dns_policy", "off", {"enable_logging": false, "networks": [{"network_url": "projects/prod/global/networks/b"}]})
	logged := fixtures.resource("google_dns_policy", "on", {"enable_logging": true, "networks": [{"network_url": "projects/prod/global/networks/c"}]})
	inp := fixtures.plan([a, b, c, by_ref, unlogged, logged])
	{f.resource | some f in check.deny} == {"google_compute_network.b"} with input as inp
	check.unknown == set() with input as inp
}

# A name may hold "/": the URL's last segment is then the name's.
test_name_with_slash if {
	net := fixtures.resource("google_compute_network", "team", {"name": "team/vpc", "project": "prod"})
	full := _policy({"enable_logging": true, "networks": [{"network_url": "projects/prod/global/networks/team/vpc"}]})
	last := _policy({"enable_logging": true, "networks": [{"network_url": "projects/prod/global/networks/vpc"}]})
	check.deny == set() with input as fixtures.state([net, full])
	{f.resource | some f in check.deny} == {"google_compute_network.team"} with input as fixtures.state([net, last])
}

# A name that is not a string matches no network_url.
test_deny_name_not_a_string if {
	net := fixtures.resource("google_compute_network", "n", {"name": 5, "project": "prod"})
	p := _policy({"enable_logging": true, "networks": [{"network_url": "projects/prod/global/networks/5"}]})
	{f.resource | some f in check.deny} == {"google_compute_network.n"} with input as fixtures.state([net, p])
}

# A policy whose networks are unknown until apply may attach to every
# network that no logging policy covers.
test_unknown_networks_of_a_policy if {
	logged := fixtures.resource("google_compute_network", "logged", {"name": "logged", "project": "prod"})
	p := _policy({"enable_logging": true, "networks": [{"network_url": "projects/prod/global/networks/logged"}]})
	q := fixtures.from_local(fixtures.resource("google_dns_policy", "q", {"enable_logging": true}), ["networks"])
	inp := fixtures.plan([_net, logged, p, q])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "networks of google_dns_policy.q is unknown until apply", "resource": "google_compute_network.vpc"}} with input as inp
}

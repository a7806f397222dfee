package tenet.gcp.compute.subnet_flow_logs_test

import rego.v1

import data.tenet.gcp.compute.subnet_flow_logs as check
import data.tenet.lib.fixtures

_subnet(name, values) := fixtures.resource("google_compute_subnetwork", name, object.union({"name": name, "ip_cidr_range": "10.0.0.0/16"}, values))

test_deny_without_log_config if {
	check.deny == {{
		"msg": "no log_config block: flow logs are off",
		"resource": "google_compute_subnetwork.app",
		"attribute": "log_config",
	}} with input as fixtures.plan([_subnet("app", {"log_config": []})])
}

test_deny_zero_sampling if {
	s := _subnet("app", {"log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 0}]})
	{f.attribute | some f in check.deny} == {"log_config.0.flow_sampling"} with input as fixtures.state([s])
}

test_allow_with_log_config_and_proxy_only_subnet if {
	inp := fixtures.plan([
		_subnet("app", {"log_config": [{"aggregation_interval": "INTERVAL_10_MIN", "flow_sampling": 0.5}]}),
		_subnet("proxy", {"purpose": "REGIONAL_MANAGED_PROXY", "log_config": []}),
	])
	check.deny == set() with input as inp
}

test_unknown_log_config if {
	inp := fixtures.plan([fixtures.with_unknown(_subnet("app", {}), ["log_config"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_subnetwork.app"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_purpose_through_local if {
	s := fixtures.from_local(_subnet("proxy", {"log_config": []}), ["purpose"])
	check.deny == set() with input as fixtures.plan([s])
	{f.attribute | some f in check.unknown} == {"purpose"} with input as fixtures.plan([s])
}

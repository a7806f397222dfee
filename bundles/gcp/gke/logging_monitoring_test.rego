package tenet.gcp.gke.logging_monitoring_test

import rego.v1

import data.tenet.gcp.gke.logging_monitoring as check
import data.tenet.lib.fixtures

_cluster(values) := fixtures.resource("google_container_cluster", "c", values)

test_deny_logging_none if {
	check.deny == {{
		"msg": `logging_service is "none"`,
		"resource": "google_container_cluster.c",
		"attribute": "logging_service",
	}} with input as fixtures.state([_cluster({"logging_service": "none", "monitoring_service": "monitoring.googleapis.com/kubernetes"})])
}

test_deny_monitoring_none_and_no_components if {
	c := _cluster({"monitoring_service": "none", "logging_config": [{"enable_components": []}]})
	{f.attribute | some f in check.deny} == {"monitoring_service", "logging_config.0.enable_components"} with input as fixtures.plan([c])
}

test_allow_defaults_and_components if {
	inp := fixtures.plan([
		fixtures.computed(_cluster({}), ["logging_service", "monitoring_service", "logging_config"]),
		fixtures.resource("google_container_cluster", "d", {"logging_config": [{"enable_components": ["SYSTEM_COMPONENTS", "WORKLOADS"]}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_local if {
	c := fixtures.from_local(_cluster({}), ["logging_service"])
	check.deny == set() with input as fixtures.plan([c])
	{f.attribute | some f in check.unknown} == {"logging_service"} with input as fixtures.plan([c])
}

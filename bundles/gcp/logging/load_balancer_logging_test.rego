package tenet.gcp.logging.load_balancer_logging_test

import rego.v1

import data.tenet.gcp.logging.load_balancer_logging as check
import data.tenet.lib.fixtures

test_deny_global_backend_without_logging if {
	check.deny == {{
		"msg": "request logging is not enabled on the backend service",
		"resource": "google_compute_backend_service.web",
		"attribute": "log_config.0.enable",
	}} with input as fixtures.state([fixtures.resource("google_compute_backend_service", "web", {"name": "web"})])
}

test_deny_regional_https_logging_off if {
	s := fixtures.resource("google_compute_region_backend_service", "api", {"protocol": "HTTPS", "log_config": [{"enable": false}]})
	{f.resource | some f in check.deny} == {"google_compute_region_backend_service.api"} with input as fixtures.plan([s])
}

test_deny_log_config_left_out if {
	s := fixtures.computed(fixtures.resource("google_compute_backend_service", "web", {"protocol": "HTTP"}), ["log_config"])
	{f.resource | some f in check.deny} == {"google_compute_backend_service.web"} with input as fixtures.plan([s])
}

test_allow_logging_and_tcp_services if {
	inp := fixtures.state([
		fixtures.resource("google_compute_backend_service", "web", {"protocol": "HTTP2", "log_config": [{"enable": true, "sample_rate": 1}]}),
		fixtures.resource("google_compute_backend_service", "tcp", {"protocol": "TCP"}),
		fixtures.resource("google_compute_region_backend_service", "ilb", {"protocol": "TCP"}),
		fixtures.resource("google_compute_region_backend_service", "udp", {}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_enable_and_protocol_through_local if {
	a := fixtures.from_local(fixtures.resource("google_compute_backend_service", "a", {"log_config": [{}]}), ["log_config.0.enable"])
	b := fixtures.from_local(fixtures.resource("google_compute_backend_service", "b", {}), ["protocol"])
	inp := fixtures.plan([a, b])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_compute_backend_service.a", "log_config.0.enable"], ["google_compute_backend_service.b", "protocol"]} with input as inp
}

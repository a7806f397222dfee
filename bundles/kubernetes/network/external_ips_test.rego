package tenet.kubernetes.network.external_ips_test

import rego.v1

import data.tenet.kubernetes.network.external_ips as check
import data.tenet.lib.fixtures

_service(name, spec) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "namespace": "shop"}, "spec": spec}

test_deny_external_ips if {
	svc := _service("web", {"ports": [{"port": 80}], "externalIPs": ["203.0.113.10", "203.0.113.11"]})
	check.deny == {{
		"msg": `Service "web" sets externalIPs 203.0.113.10, 203.0.113.11`,
		"resource": "shop/Service/web",
		"attribute": "spec.externalIPs",
	}} with input as fixtures.manifest([svc])
}

test_allow_without_external_ips if {
	inp := fixtures.manifest([_service("a", {"ports": [{"port": 80}]}), _service("b", {"type": "LoadBalancer", "externalIPs": []})])
	check.deny == set() with input as inp
}

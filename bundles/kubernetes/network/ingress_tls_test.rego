package tenet.kubernetes.network.ingress_tls_test

import rego.v1

import data.tenet.kubernetes.network.ingress_tls as check
import data.tenet.lib.fixtures

_ingress(spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

_rules(hosts) := [{"host": h, "http": {"paths": []}} | some h in hosts]

test_deny_no_tls if {
	check.deny == {{
		"msg": `Ingress "web" has no spec.tls: it serves HTTP only`,
		"resource": "shop/Ingress/web",
		"attribute": "spec.tls",
	}} with input as fixtures.manifest([_ingress({"rules": _rules(["shop.example.com"])})])
}

test_deny_host_not_covered if {
	spec := {"tls": [{"hosts": ["shop.example.com"], "secretName": "tls"}], "rules": _rules(["shop.example.com", "api.example.org"])}
	check.deny == {{
		"msg": `Ingress "web" serves host api.example.org without TLS: no spec.tls entry lists it`,
		"resource": "shop/Ingress/web",
		"attribute": "spec.rules[1].host",
	}} with input as fixtures.manifest([_ingress(spec)])
}

test_deny_wildcard_one_level_only if {
	spec := {"tls": [{"hosts": ["*.example.com"]}], "rules": _rules(["a.b.example.com"])}
	{f.attribute | some f in check.deny} == {"spec.rules[0].host"} with input as fixtures.manifest([_ingress(spec)])
}

test_allow_covered_hosts if {
	spec := {"tls": [{"hosts": ["Shop.example.com", "*.example.org"], "secretName": "tls"}], "rules": array.concat(_rules(["shop.example.com", "api.example.org"]), [{"http": {"paths": []}}])}
	check.deny == set() with input as fixtures.manifest([_ingress(spec)])
}

test_allow_tls_without_hosts if {
	check.deny == set() with input as fixtures.manifest([_ingress({"tls": [{"secretName": "default"}], "rules": _rules(["x.example.com"])})])
}

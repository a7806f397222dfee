package tenet.kubernetes.network.ingress_wildcard_host_test

import rego.v1

import data.tenet.kubernetes.network.ingress_wildcard_host as check
import data.tenet.lib.fixtures

_ing(hosts) := {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"rules": [r |
	some h in hosts
	r := _rule(h)
]}}

_rule("") := {"http": {"paths": []}}

_rule(h) := {"host": h, "http": {"paths": []}} if h != ""

test_deny_subdomain_wildcard if {
	check.deny == {{
		"msg": `Ingress "web" routes the wildcard host *.example.com`,
		"resource": "shop/Ingress/web",
		"attribute": "spec.rules[1].host",
	}} with input as fixtures.manifest([_ing(["shop.example.com", "*.example.com"])])
}

test_deny_star if {
	count(check.deny) == 1 with input as fixtures.manifest([_ing(["*"])])
}

test_allow_named_hosts_and_no_host if {
	check.deny == set() with input as fixtures.manifest([_ing(["shop.example.com", "", "api.example.com"])])
}

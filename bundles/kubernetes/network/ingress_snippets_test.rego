package tenet.kubernetes.network.ingress_snippets_test

import rego.v1

import data.tenet.kubernetes.network.ingress_snippets as check
import data.tenet.lib.fixtures

_ing(annotations) := {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web", "annotations": annotations}, "spec": {"rules": []}}

test_deny_configuration_snippet if {
	inp := fixtures.manifest([_ing({"nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"X: y\";", "nginx.ingress.kubernetes.io/ssl-redirect": "true"})])
	check.deny == {{
		"msg": "Ingress \"web\" injects controller configuration through annotation nginx.ingress.kubernetes.io/configuration-snippet",
		"resource": "Ingress/web",
		"attribute": "metadata.annotations[nginx.ingress.kubernetes.io/configuration-snippet]",
	}} with input as inp
}

test_deny_server_and_nginx_org_snippets if {
	inp := fixtures.manifest([_ing({"nginx.ingress.kubernetes.io/server-snippet": "location /x {}", "nginx.org/location-snippets": "proxy_buffering off;"})])
	count(check.deny) == 2 with input as inp
}

test_allow_other_annotations_and_empty_snippets if {
	inp := fixtures.manifest([_ing({"nginx.ingress.kubernetes.io/rewrite-target": "/", "nginx.ingress.kubernetes.io/server-snippet": " ", "kubernetes.io/ingress.class": "nginx"})])
	check.deny == set() with input as inp
}

test_allow_without_annotations if {
	ing := {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web"}, "spec": {}}
	check.deny == set() with input as fixtures.manifest([ing])
}

# METADATA
# title: Ingresses carry no configuration snippet annotations
# description: >-
#   Snippet annotations paste raw configuration into the ingress
#   controller's own NGINX configuration. The controller reads every Secret
#   of the cluster with its service account, so a snippet written by anyone
#   who may edit an Ingress can expose those Secrets or run code in the
#   controller (CVE-2021-25742); ingress-nginx turns them off
#   by default since 1.9. The annotations of ingress-nginx
#   (nginx.ingress.kubernetes.io/*-snippet) and of NGINX Inc's controller
#   (nginx.org/*-snippets) count.
# scope: package
# related_resources:
#   - https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#configuration-snippet
# custom:
#   id: TNT-K8S-NET-006
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Ingress]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-6", "CM-7"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove the snippet annotation and use the controller's dedicated annotations or a ConfigMap managed by the platform team; keep allow-snippet-annotations off in the controller.
package tenet.kubernetes.network.ingress_snippets

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(ing, sprintf("metadata.annotations[%s]", [key]), msg) if {
	some ing in kubernetes.objects("Ingress")
	some key, value in object.get(ing.values.metadata, "annotations", {})
	_snippet(key)
	is_string(value)
	trim_space(value) != ""
	msg := sprintf("Ingress %q injects controller configuration through annotation %s", [ing.name, key])
}

_snippet(key) if {
	startswith(key, "nginx.ingress.kubernetes.io/")
	endswith(key, "-snippet")
}

_snippet(key) if {
	startswith(key, "nginx.org/")
	endswith(key, "-snippets")
}

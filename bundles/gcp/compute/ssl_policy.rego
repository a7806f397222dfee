# METADATA
# title: Load balancer SSL policies require TLS 1.2 and strong cipher suites
# description: >-
#   The default SSL policy still accepts TLS 1.0 and ciphers without forward
#   secrecy, which downgrade attacks can force. A MODERN or RESTRICTED
#   profile at TLS 1.2 keeps traffic to the load balancer strongly encrypted.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_ssl_policy
# custom:
#   id: TNT-GCP-CMP-011
#   severity: high
#   controls:
#     cis-gcp-2.0.0: ["3.9"]
#     cis-gcp-3.0.0: ["3.9"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_ssl_policy, google_compute_target_https_proxy, google_compute_target_ssl_proxy]
#     per_resource: true
#   remediation: Attach an SSL policy with min_tls_version = "TLS_1_2" and profile "MODERN" or "RESTRICTED" to every HTTPS and SSL proxy.
package tenet.gcp.compute.ssl_policy

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Cipher suites without forward secrecy or with 3DES (Google's list of weak
# features for CUSTOM profiles).
_weak := {
	"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
	"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
	"TLS_RSA_WITH_3DES_EDE_CBC_SHA",
}

deny contains result.fail_attr(p, "min_tls_version", sprintf("min_tls_version is %s, below TLS_1_2", [v])) if {
	some p in terraform.resources("google_compute_ssl_policy")
	not terraform.unknown(p, "min_tls_version")
	v := terraform.get(p, "min_tls_version", "TLS_1_0")
	v in {"TLS_1_0", "TLS_1_1"}
}

deny contains result.fail_attr(p, "profile", "profile is COMPATIBLE, which allows the weakest cipher suites") if {
	some p in terraform.resources("google_compute_ssl_policy")
	not terraform.unknown(p, "profile")
	terraform.get(p, "profile", "COMPATIBLE") == "COMPATIBLE"
}

deny contains result.fail_attr(p, "custom_features", sprintf("CUSTOM profile enables weak cipher suites %v", [weak])) if {
	some p in terraform.resources("google_compute_ssl_policy")
	terraform.get(p, "profile", "") == "CUSTOM"
	weak := sort({f | some f in terraform.get(p, "custom_features", []); f in _weak})
	count(weak) > 0
}

deny contains result.fail_attr(proxy, "ssl_policy", "no ssl_policy: the proxy uses the permissive default policy") if {
	some type in ["google_compute_target_https_proxy", "google_compute_target_ssl_proxy"]
	some proxy in terraform.resources(type)
	terraform.get(proxy, "ssl_policy", null) == null
	not terraform.unknown(proxy, "ssl_policy")
}

# A policy named through a local may be empty; one that refers to a
# google_compute_ssl_policy is judged there.
unknown contains result.unknown(proxy, "ssl_policy") if {
	some type in ["google_compute_target_https_proxy", "google_compute_target_ssl_proxy"]
	some proxy in terraform.resources(type)
	compute.presence_unknown(proxy, "ssl_policy")
}

unknown contains result.unknown(p, attr) if {
	some p in terraform.resources("google_compute_ssl_policy")
	some attr in ["min_tls_version", "profile", "custom_features"]
	terraform.unknown(p, attr)
}

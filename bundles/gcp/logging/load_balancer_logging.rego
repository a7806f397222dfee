# METADATA
# title: HTTP(S) load balancer backend services log requests
# description: >-
#   Request logs of an HTTP(S) load balancer record the client, URL, status
#   and backend of every request: the evidence for an attack on the
#   application and for what it reached. They are off until the backend
#   service turns them on.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_backend_service#log_config
#   - https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring
# custom:
#   id: TNT-GCP-LOG-013
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["2.16"]
#     cis-gcp-3.0.0: ["2.16"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_backend_service, google_compute_region_backend_service]
#     per_resource: true
#   remediation: Add log_config { enable = true } (with a sample_rate) to the backend service.
package tenet.gcp.logging.load_balancer_logging

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_enable := "log_config.0.enable"

deny contains result.fail_attr(s, _enable, "request logging is not enabled on the backend service") if {
	some s in _http_services
	not terraform.is_true(s, _enable)
	not compute.set_unknown(s, _enable)
}

unknown contains result.unknown(s, _enable) if {
	some s in _http_services
	compute.set_unknown(s, _enable)
}

unknown contains result.unknown(s, "protocol") if {
	some s in _services
	compute.set_unknown(s, "protocol")
}

_services contains s if {
	some type in ["google_compute_backend_service", "google_compute_region_backend_service"]
	some s in terraform.resources(type)
}

# Global backend services default to HTTP; regional ones serve HTTP(S) load
# balancers only when their protocol says so.
_http_services contains s if {
	some s in _services
	not compute.set_unknown(s, "protocol")
	_protocol(s) in {"HTTP", "HTTPS", "HTTP2"}
}

_protocol(s) := terraform.get(s, "protocol", "HTTP") if {
	s.type == "google_compute_backend_service"
} else := terraform.get(s, "protocol", "")

# METADATA
# title: VPC subnets record flow logs
# description: >-
#   Flow logs are the record of which addresses talked to which, needed to
#   trace an intrusion or exfiltration through the network. Proxy-only and
#   Private Service Connect subnets carry no VM traffic and cannot log flows.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#log_config
# custom:
#   id: TNT-GCP-CMP-004
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["3.8"]
#     cis-gcp-3.0.0: ["3.8"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_subnetwork]
#     per_resource: true
#   remediation: Add a log_config block to the subnetwork with flow_sampling above 0.
package tenet.gcp.compute.subnet_flow_logs

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Purposes whose subnets hold no VM interfaces and do not support flow logs.
_no_flows := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

deny contains result.fail_attr(s, "log_config", "no log_config block: flow logs are off") if {
	some s in _subnets
	count(terraform.get(s, "log_config", [])) == 0
	not terraform.unknown(s, "log_config")
}

deny contains result.fail_attr(s, "log_config.0.flow_sampling", "log_config.flow_sampling is 0: no flow is logged") if {
	some s in _subnets
	terraform.get(s, "log_config.0.flow_sampling", 0.5) == 0
}

unknown contains result.unknown(s, "log_config") if {
	some s in _subnets
	terraform.unknown(s, "log_config")
}

_subnets contains s if {
	some s in terraform.resources("google_compute_subnetwork")
	not terraform.get(s, "purpose", "PRIVATE") in _no_flows
	not terraform.unknown(s, "purpose")
}

# A purpose through a local may be one that has no flow logs, or not: a
# subnet without flow logs is unknown until apply.
unknown contains result.unknown(s, "purpose") if {
	some s in terraform.resources("google_compute_subnetwork")
	terraform.unknown(s, "purpose")
	_no_flow_logs(s)
}

_no_flow_logs(s) if {
	count(terraform.get(s, "log_config", [])) == 0
	not terraform.unknown(s, "log_config")
}

_no_flow_logs(s) if terraform.get(s, "log_config.0.flow_sampling", 0.5) == 0

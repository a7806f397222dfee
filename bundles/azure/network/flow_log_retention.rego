# METADATA
# title: NSG flow logs are on and kept for at least 90 days
# description: >-
#   Flow logs are the record of who talked to what, and an intrusion is often
#   found weeks after it began. Logs deleted after a few days leave nothing
#   to investigate.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log
# custom:
#   id: TNT-AZ-NET-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_network_watcher_flow_log]
#   controls:
#     cis-azure-2.0.0: ["6.5"]
#     cis-azure-3.0.0: ["7.5"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-11", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2", "10.5.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Set enabled = true and retention_policy { enabled = true, days = 90 } (or more, or 0 to keep forever) on the flow log.
package tenet.azure.network.flow_log_retention

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_min_days := 90

_type := "azurerm_network_watcher_flow_log"

deny contains result.fail_attr(fl, "enabled", "enabled is false: no flow records are written") if {
	some fl in terraform.resources(_type)
	terraform.get(fl, "enabled", true) == false
}

deny contains result.fail_attr(fl, "retention_policy", "no retention_policy: flow log retention is not set") if {
	some fl in terraform.resources(_type)
	count(terraform.get(fl, "retention_policy", [])) == 0
	not terraform.unknown(fl, "retention_policy")
}

deny contains result.fail_attr(fl, "retention_policy.enabled", msg) if {
	some fl in terraform.resources(_type)
	terraform.get(fl, "retention_policy.0.enabled", null) == false
	msg := "retention_policy.enabled is false: flow logs have no retention period"
}

# days = 0 keeps the logs forever.
deny contains result.fail_attr(fl, "retention_policy.days", msg) if {
	some fl in terraform.resources(_type)
	terraform.get(fl, "retention_policy.0.enabled", null) == true
	days := terraform.get(fl, "retention_policy.0.days", null)
	is_number(days)
	days > 0
	days < _min_days
	msg := sprintf("retention_policy.days is %d: flow logs are deleted before %d days", [days, _min_days])
}

unknown contains result.unknown(fl, path) if {
	some fl in terraform.resources(_type)
	some path in ["enabled", "retention_policy.enabled", "retention_policy.days"]
	terraform.unknown(fl, path)
}

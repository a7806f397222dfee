# METADATA
# title: Defender for Cloud plans are on for the core resource types
# description: >-
#   The free tier only assesses configuration; the paid plans detect attacks
#   on servers, databases, storage, key vaults, containers, apps and the
#   management plane. A type left on Free raises no threat alerts.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_subscription_pricing
# custom:
#   id: TNT-AZ-DEF-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_security_center_subscription_pricing]
#   controls:
#     cis-azure-2.0.0: ["2.1.1", "2.1.2", "2.1.5", "2.1.7", "2.1.8", "2.1.10", "2.1.12"]
#     cis-azure-3.0.0: ["3.1.3.1", "3.1.4.1", "3.1.5.1", "3.1.7.4", "3.1.8.1", "3.1.9.1"]
#     nist-800-53-r5: ["CA-7", "SI-4"]
#     soc2-2017: ["CC7.1", "CC7.2"]
#     pci-dss-4.0: ["10.4.1", "11.5.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 33(1)"]
#   remediation: Declare an azurerm_security_center_subscription_pricing with tier = "Standard" for each listed resource_type.
package tenet.azure.defender.plans

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The catalog's list without Dns: Defender for DNS can no longer be enabled
# on its own (it is part of Defender for Servers Plan 2), so requiring a
# pricing for it would fail every new subscription.
_required := {"VirtualMachines", "SqlServers", "SqlServerVirtualMachines", "StorageAccounts", "KeyVaults", "Containers", "AppServices", "Arm"}

_pricings := terraform.resources("azurerm_security_center_subscription_pricing")

# resource_type defaults to VirtualMachines.
_type(p) := terraform.get(p, "resource_type", "VirtualMachines")

deny contains result.fail_attr(p, "tier", msg) if {
	some p in _pricings
	not terraform.unknown(p, "resource_type")
	_type(p) in _required
	terraform.get(p, "tier", null) == "Free"
	msg := sprintf("tier is Free for %s: Defender raises no threat alerts for it", [_type(p)])
}

# Missing types point at the first pricing of the input (none: the rule is
# not applicable).
deny contains result.fail(_anchor, msg) if {
	some t in _required
	not t in {_type(p) | some p in _pricings}
	not _undecided_types
	msg := sprintf("no azurerm_security_center_subscription_pricing declares resource_type %s", [t])
}

_anchor := {"address": addresses[0]} if {
	addresses := sort([p.address | some p in _pricings])
}

unknown contains result.unknown(p, attr) if {
	some p in _pricings
	some attr in ["resource_type", "tier"]
	terraform.unknown(p, attr)
}

_undecided_types if {
	some p in _pricings
	terraform.unknown(p, "resource_type")
}

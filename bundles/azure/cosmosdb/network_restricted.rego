# METADATA
# title: Cosmos DB accounts are not reachable from every network
# description: >-
#   A Cosmos DB account open to all networks accepts connections from any
#   address on the internet, so a leaked key or token is enough to read or
#   change its data. Disable public network access, or limit it to virtual
#   network subnets or known IP ranges.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
# custom:
#   id: TNT-AZ-COS-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_cosmosdb_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.5.1"]
#     cis-azure-3.0.0: ["5.4.1"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set public_network_access_enabled = false (with private endpoints), or set is_virtual_network_filter_enabled = true with virtual_network_rule blocks, or list the allowed addresses in ip_range_filter without 0.0.0.0.
package tenet.azure.cosmosdb.network_restricted

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_type := "azurerm_cosmosdb_account"

# Defaults: public_network_access_enabled true, is_virtual_network_filter_enabled
# false, ip_range_filter empty: an account that sets none of them is open to
# all networks.
deny contains result.fail_attr(a, "ip_range_filter", msg) if {
	some a in _open
	count(_ips(a)) > 0
	wide := [ip | some ip in _ips(a); ip in _wide]
	msg := sprintf("ip_range_filter lists %s and no virtual network rules apply: the account is open to every Azure datacenter or every address", [concat(", ", wide)])
}

deny contains result.fail_attr(a, "public_network_access_enabled", msg) if {
	some a in _open
	count(_ips(a)) == 0
	msg := "public network access is not disabled and neither virtual network rules nor ip_range_filter restrict it: every network can reach the account"
}

unknown contains result.unknown(a, attr) if {
	some a in _candidates
	some attr in ["public_network_access_enabled", "ip_range_filter"]
	terraform.unknown(a, attr)
}

unknown contains result.unknown(a, "is_virtual_network_filter_enabled") if {
	some a in _candidates
	terraform.unknown(a, "is_virtual_network_filter_enabled")
	_has_vnet_rules(a)
}

# virtual_network_rule blocks set through a dynamic block or a local.
unknown contains result.unknown(a, "virtual_network_rule") if {
	some a in _candidates
	_vnet_filter_may_be_on(a)
	count(azure.block(a, "virtual_network_rule")) == 0
	compute.set_unknown(a, "virtual_network_rule")
}

_candidates contains a if {
	some a in terraform.resources(_type)
	not _restricted(a)
}

_open contains a if {
	some a in _candidates
	not _undecided(a)
}

_undecided(a) if {
	some u in unknown
	u.resource == a.address
}

_restricted(a) if terraform.get(a, "public_network_access_enabled", true) == false

_restricted(a) if {
	terraform.is_true(a, "is_virtual_network_filter_enabled")
	count(azure.block(a, "virtual_network_rule")) > 0
}

# 0.0.0.0 admits connections from every Azure datacenter (any tenant's
# services); 0.0.0.0/0 admits every address: neither restricts the account.
_restricted(a) if {
	count(_ips(a)) > 0
	not terraform.unknown(a, "ip_range_filter")
	every ip in _ips(a) {
		not ip in _wide
	}
}

_wide := {"0.0.0.0", "0.0.0.0/0"}

_has_vnet_rules(a) if count(azure.block(a, "virtual_network_rule")) > 0

_has_vnet_rules(a) if compute.set_unknown(a, "virtual_network_rule")

_vnet_filter_may_be_on(a) if terraform.is_true(a, "is_virtual_network_filter_enabled")

_vnet_filter_may_be_on(a) if terraform.unknown(a, "is_virtual_network_filter_enabled")

# ip_range_filter is a comma-separated string up to provider v3 and a set of
# strings from v4.
_ips(a) := [ip |
	some s in split(filter, ",")
	ip := trim_space(s)
	ip != ""
] if {
	filter := terraform.get(a, "ip_range_filter", null)
	is_string(filter)
} else := [ip |
	some s in terraform.get(a, "ip_range_filter", [])
	is_string(s)
	ip := trim_space(s)
	ip != ""
]

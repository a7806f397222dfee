# METADATA
# title: Azure Cache for Redis refuses plain connections and TLS older than 1.2
# description: >-
#   The non-SSL port (6379) carries the access key and cached data in clear
#   text, and TLS 1.0 and 1.1 have known weaknesses. A cache that accepts
#   either lets old, downgraded or careless clients talk to it over a weak
#   channel.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache
# custom:
#   id: TNT-AZ-RED-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_redis_cache]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set non_ssl_port_enabled = false (enable_non_ssl_port before provider v4) and minimum_tls_version = "1.2".
package tenet.azure.redis.secure_transport

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# CIS Azure 2.0.0 and 3.0.0 have no Redis recommendation: no CIS mapping.

_type := "azurerm_redis_cache"

# non_ssl_port_enabled from provider v4, enable_non_ssl_port before; both
# default to false.
_non_ssl := ["non_ssl_port_enabled", "enable_non_ssl_port"]

deny contains result.fail_attr(r, name, msg) if {
	some r in terraform.resources(_type)
	azure.setting(r, _non_ssl) == true
	name := azure.setting_name(r, _non_ssl)
	msg := sprintf("%s is true: clients may connect on port 6379 without TLS", [name])
}

unknown contains result.unknown(r, name) if {
	some r in terraform.resources(_type)
	name := azure.unknown_setting(r, _non_ssl)
}

# Only explicit old versions fail: the provider writes its default into
# plans and state (1.0 up to v3, 1.2 from v4), so an old default shows up
# as a value.
deny contains result.fail_attr(r, "minimum_tls_version", msg) if {
	some r in terraform.resources(_type)
	version := terraform.get(r, "minimum_tls_version", null)
	version in {"1.0", "1.1"}
	msg := sprintf("minimum_tls_version is %s: clients may connect with TLS older than 1.2", [version])
}

unknown contains result.unknown(r, "minimum_tls_version") if {
	some r in terraform.resources(_type)
	terraform.unknown(r, "minimum_tls_version")
}

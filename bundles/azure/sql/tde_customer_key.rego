# METADATA
# title: SQL servers protect transparent data encryption with a customer-managed key
# description: >-
#   With the service-managed TDE protector, Microsoft holds the key that
#   unlocks every database, backup and log of the server. A protector in the
#   organisation's own Key Vault or Managed HSM lets it rotate, audit and
#   revoke that key, and so cut off access to the data.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_transparent_data_encryption
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server
# custom:
#   id: TNT-AZ-SQL-005
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_server, azurerm_sql_server]
#   controls:
#     cis-azure-2.0.0: ["4.1.3"]
#     cis-azure-3.0.0: ["5.1.3"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Add an azurerm_mssql_server_transparent_data_encryption for the server with key_vault_key_id (or managed_hsm_key_id), or set transparent_data_encryption_key_vault_key_id on the server.
package tenet.azure.sql.tde_customer_key

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_tde := "azurerm_mssql_server_transparent_data_encryption"

# The server's own attribute (provider v3+).
_server_key := "transparent_data_encryption_key_vault_key_id"

_keys := ["key_vault_key_id", "managed_hsm_key_id"]

# Without a key, the TDE resource (and the server) use the service-managed
# protector: the provider's default.
deny contains result.fail(s, msg) if {
	some s in azure.sql_servers
	not _customer_key(s)
	not _undecided(s)
	msg := "no customer-managed TDE protector (transparent_data_encryption_key_vault_key_id, or an azurerm_mssql_server_transparent_data_encryption with a key): the service-managed key protects the data"
}

# A key id set through a local may be null.
unknown contains result.unknown(s, _server_key) if {
	some s in azure.sql_servers
	not _customer_key(s)
	compute.presence_unknown(s, _server_key)
}

unknown contains result.unknown_via(s, t, attr) if {
	some s in azure.sql_servers
	not _customer_key(s)
	some t in terraform.referencing(s, _tde, "server_id")
	some attr in _keys
	compute.presence_unknown(t, attr)
}

# A protector whose server is known only after apply may be this server's.
unknown contains result.unknown_via(s, t, "server_id") if {
	some s in azure.sql_servers
	not _customer_key(s)
	some t in terraform.resources(_tde)
	azure.unjoined(t, "server_id")
	_has_key(t)
}

_customer_key(s) if _set(s, _server_key)

_customer_key(s) if {
	some t in terraform.referencing(s, _tde, "server_id")
	some attr in _keys
	_set(t, attr)
}

_has_key(t) if {
	some attr in _keys
	_set(t, attr)
}

_has_key(t) if {
	some attr in _keys
	compute.presence_unknown(t, attr)
}

# A key id is set when known, or when it refers to a key of the
# configuration (unknown until the key is created, never null).
_set(r, attr) if terraform.get(r, attr, "") != ""

_set(r, attr) if compute.from_resource(r, attr)

_undecided(s) if {
	some u in unknown
	u.resource == s.address
}

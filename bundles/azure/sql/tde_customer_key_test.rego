package tenet.azure.sql.tde_customer_key_test

import rego.v1

import data.tenet.azure.sql.tde_customer_key as check
import data.tenet.lib.fixtures

_server := fixtures.with_unknown(fixtures.resource("azurerm_mssql_server", "db", {"name": "acme-db"}), ["id"])

_key := fixtures.with_unknown(fixtures.resource("azurerm_key_vault_key", "tde", {"name": "tde"}), ["id"])

_tde(values) := fixtures.points_at(fixtures.resource("azurerm_mssql_server_transparent_data_encryption", "db", values), "server_id", _server)

_msg := "no customer-managed TDE protector (transparent_data_encryption_key_vault_key_id, or an azurerm_mssql_server_transparent_data_encryption with a key): the service-managed key protects the data"

test_deny_server_without_protector if {
	check.deny == {{"msg": _msg, "resource": "azurerm_mssql_server.db"}} with input as fixtures.plan([_server])
}

test_deny_service_managed_protector if {
	inp := fixtures.plan([_server, _tde({"key_vault_key_id": null, "managed_hsm_key_id": null})])
	{f.resource | some f in check.deny} == {"azurerm_mssql_server.db"} with input as inp
	check.unknown == set() with input as inp
}

test_deny_legacy_sql_server_in_state if {
	s := fixtures.resource("azurerm_sql_server", "old", {"name": "old", "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/old"})
	{f.resource | some f in check.deny} == {"azurerm_sql_server.old"} with input as fixtures.state([s])
}

test_allow_protector_with_key_reference if {
	t := fixtures.points_at(_tde({}), "key_vault_key_id", _key)
	check.deny == set() with input as fixtures.plan([_server, _key, t])
	check.unknown == set() with input as fixtures.plan([_server, _key, t])
}

test_allow_managed_hsm_key_in_state if {
	s := fixtures.resource("azurerm_mssql_server", "db", {"name": "acme-db", "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/acme-db"})
	t := fixtures.resource("azurerm_mssql_server_transparent_data_encryption", "db", {"server_id": s.values.id, "managed_hsm_key_id": "https://hsm.managedhsm.azure.net/keys/tde/1"})
	check.deny == set() with input as fixtures.state([s, t])
}

test_allow_server_attribute_v3 if {
	s := fixtures.resource("azurerm_mssql_server", "db", {"name": "acme-db", "transparent_data_encryption_key_vault_key_id": "https://kv.vault.azure.net/keys/tde/1"})
	check.deny == set() with input as fixtures.state([s])
	r := fixtures.points_at(_server, "transparent_data_encryption_key_vault_key_id", _key)
	check.deny == set() with input as fixtures.plan([r, _key])
	check.unknown == set() with input as fixtures.plan([r, _key])
}

test_unknown_server_key_through_local if {
	s := fixtures.from_local(_server, ["transparent_data_encryption_key_vault_key_id"])
	inp := fixtures.plan([s])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "transparent_data_encryption_key_vault_key_id is unknown until apply",
		"resource": "azurerm_mssql_server.db",
		"attribute": "transparent_data_encryption_key_vault_key_id",
	}} with input as inp
}

test_unknown_protector_key_through_local if {
	t := fixtures.from_local(_tde({}), ["key_vault_key_id"])
	inp := fixtures.plan([_server, t])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "key_vault_key_id of azurerm_mssql_server_transparent_data_encryption.db is unknown until apply",
		"resource": "azurerm_mssql_server.db",
	}} with input as inp
}

test_unknown_protector_server_through_each_value if {
	t := fixtures.from_local(fixtures.resource("azurerm_mssql_server_transparent_data_encryption", "each", {"key_vault_key_id": "https://kv.vault.azure.net/keys/tde/1"}), ["server_id"])
	inp := fixtures.plan([_server, t])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"server_id of azurerm_mssql_server_transparent_data_encryption.each is unknown until apply"} with input as inp
}

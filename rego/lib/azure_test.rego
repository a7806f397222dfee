package tenet.lib.azure_test

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.fixtures

_names := ["https_traffic_only_enabled", "enable_https_traffic_only"]

test_setting_prefers_newest_set_name if {
	v4 := fixtures.resource("azurerm_storage_account", "a", {"https_traffic_only_enabled": false, "enable_https_traffic_only": null})
	azure.setting(v4, _names) == false
	azure.setting_name(v4, _names) == "https_traffic_only_enabled"
	v3 := fixtures.resource("azurerm_storage_account", "a", {"enable_https_traffic_only": true})
	azure.setting(v3, _names) == true
	azure.setting_name(v3, _names) == "enable_https_traffic_only"
}

test_setting_unset if {
	r := fixtures.resource("azurerm_storage_account", "a", {})
	not azure.setting(r, _names)
	azure.setting_name(r, _names) == "https_traffic_only_enabled"
	not azure.unknown_setting(r, _names)
}

test_unknown_setting if {
	r := fixtures.with_unknown(fixtures.resource("azurerm_storage_account", "a", {}), ["enable_https_traffic_only"])
	azure.unknown_setting(r, _names) == "enable_https_traffic_only"
	known := fixtures.with_unknown(fixtures.resource("azurerm_storage_account", "a", {"https_traffic_only_enabled": false}), ["enable_https_traffic_only"])
	not azure.unknown_setting(known, _names)
}

test_block if {
	azure.block(fixtures.resource("t", "a", {"b": [{"x": 1}]}), "b") == [{"x": 1}]
	azure.block(fixtures.resource("t", "a", {"b": null}), "b") == []
	azure.block(fixtures.with_unknown(fixtures.resource("t", "a", {}), ["b"]), "b") == []
	azure.block(fixtures.resource("t", "a", {"b": [{"c": [{"y": 2}]}]}), "b.0.c") == [{"y": 2}]
}

test_attached_by_reference_and_by_name if {
	sa := fixtures.with_unknown(fixtures.resource("azurerm_storage_account", "a", {"name": "acme"}), ["id"])
	by_ref := fixtures.points_at(fixtures.resource("azurerm_storage_account_network_rules", "r", {}), "storage_account_id", sa)
	by_name := fixtures.resource("azurerm_storage_account_network_rules", "n", {"storage_account_name": "acme"})
	other := fixtures.resource("azurerm_storage_account_network_rules", "o", {"storage_account_name": "other"})
	inp := fixtures.plan([sa, by_ref, by_name, other])
	{e.address | some e in azure.attached(sa, "azurerm_storage_account_network_rules", ["storage_account_id", "storage_account_name"])} == {
		"azurerm_storage_account_network_rules.r",
		"azurerm_storage_account_network_rules.n",
	} with input as inp
}

_rule := {
	"name": "r", "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"destination_port_range": "20-30", "destination_port_ranges": ["443"],
	"source_address_prefix": "", "source_address_prefixes": ["10.0.0.0/8", "Internet"],
}

test_nsg_rules_inline_and_separate if {
	nsg := fixtures.resource("azurerm_network_security_group", "g", {"security_rule": [_rule]})
	sep := fixtures.resource("azurerm_network_security_rule", "s", object.union(_rule, {"source_address_prefixes": null, "source_address_prefix": "*"}))
	rules := azure.nsg_rules with input as fixtures.plan([nsg, sep])
	{[r.resource.address, r.attribute, r.ports, r.sources] | some r in rules} == {
		["azurerm_network_security_group.g", "security_rule.0", ["20-30", "443"], ["10.0.0.0/8", "internet"]],
		["azurerm_network_security_rule.s", "source_address_prefix", ["20-30", "443"], ["*"]],
	}
}

test_admits_and_may_admit if {
	r := {"direction": "inbound", "access": "allow", "protocol": "tcp", "ports": ["20-30"], "sources": ["internet"], "unknown": set()}
	azure.admits(r, 22, {"tcp"})
	not azure.admits(r, 3389, {"tcp"})
	not azure.admits(r, 22, {"udp"})
	azure.admits(object.union(r, {"protocol": "*"}), 22, {"udp"})
	not azure.admits(object.union(r, {"access": "deny"}), 22, {"tcp"})
	not azure.may_admit(r, 22, {"tcp"})
	azure.may_admit(object.union(r, {"ports": [], "unknown": {"ports"}}), 3389, {"tcp"})
	not azure.may_admit(object.union(r, {"sources": ["10.0.0.0/8"], "unknown": {"ports"}}), 3389, {"tcp"})
}

test_port_in if {
	azure.port_in(22, "*")
	azure.port_in(22, "22")
	azure.port_in(22, "1-1024")
	azure.port_in(22, " 20 - 30 ")
	not azure.port_in(22, "23-30")
	not azure.port_in(22, "ssh")
	azure.port_in("any", "443")
}

test_logs_category if {
	azure.logs_category(fixtures.resource("d", "d", {"enabled_log": [{"category": "AuditEvent"}]}), "AuditEvent", {"audit"})
	azure.logs_category(fixtures.resource("d", "d", {"enabled_log": [{"category": null, "category_group": "Audit"}]}), "AuditEvent", {"audit"})
	not azure.logs_category(fixtures.resource("d", "d", {"log": [{"category": "AuditEvent", "enabled": false}]}), "AuditEvent", {"audit"})
	not azure.logs_category(fixtures.resource("d", "d", {"enabled_log": [{"category": "AzurePolicyEvaluationDetails", "category_group": null}]}), "AuditEvent", {"audit"})
}

test_apps_cover_v2_and_v3_types if {
	inp := fixtures.plan([fixtures.resource("azurerm_app_service", "a", {}), fixtures.resource("azurerm_linux_function_app", "b", {}), fixtures.resource("azurerm_storage_account", "c", {})])
	{a.address | some a in azure.apps} == {"azurerm_app_service.a", "azurerm_linux_function_app.b"} with input as inp
}

test_sql_servers_and_audit_policies if {
	s := fixtures.with_unknown(fixtures.resource("azurerm_mssql_server", "s", {}), ["id"])
	p := fixtures.points_at(fixtures.resource("azurerm_mssql_server_extended_auditing_policy", "p", {}), "server_id", s)
	inp := fixtures.plan([s, fixtures.resource("azurerm_sql_server", "old", {}), p])
	{x.address | some x in azure.sql_servers} == {"azurerm_mssql_server.s", "azurerm_sql_server.old"} with input as inp
	[x.address | some x in azure.sql_audit_policies(s)] == ["azurerm_mssql_server_extended_auditing_policy.p"] with input as inp
}

_pg := fixtures.with_unknown(fixtures.resource("azurerm_postgresql_flexible_server", "pg", {"name": "acme-pg"}), ["id"])

_pg_conf := "azurerm_postgresql_flexible_server_configuration"

_pg_param(label, name, value) := fixtures.points_at(fixtures.resource(_pg_conf, label, {"name": name, "value": value}), "server_id", _pg)

test_parameter_values_from_configuration_or_default if {
	inp := fixtures.plan([_pg, _pg_param("t", "Connection_Throttle.Enable", "ON"), _pg_param("o", "other", "x")])
	azure.parameter_values(_pg, _pg_conf, "server_id", "connection_throttle.enable", "off") == {["ON", inp.resources[1]]} with input as inp
	azure.parameter_unknowns(_pg, _pg_conf, "server_id", "connection_throttle.enable") == set() with input as inp
	azure.parameter_values(_pg, _pg_conf, "server_id", "logfiles.retention_days", "3") == {["3", _pg]} with input as inp
}

test_parameter_unknown_value_and_name if {
	v := fixtures.with_unknown(_pg_param("v", "logfiles.retention_days", null), ["value"])
	n := fixtures.with_unknown(_pg_param("n", null, "7"), ["name"])
	inp := fixtures.plan([_pg, v, n])
	azure.parameter_values(_pg, _pg_conf, "server_id", "logfiles.retention_days", "3") == set() with input as inp
	{[c.address, a] | some [c, a] in azure.parameter_unknowns(_pg, _pg_conf, "server_id", "logfiles.retention_days")} == {
		[v.address, "value"],
		[n.address, "name"],
	} with input as inp
}

test_parameter_unjoined_configuration if {
	u := fixtures.from_local(fixtures.resource(_pg_conf, "u", {"name": "logfiles.retention_days", "value": "7"}), ["server_id"])
	inp := fixtures.plan([_pg, u])
	azure.parameter_values(_pg, _pg_conf, "server_id", "logfiles.retention_days", "3") == set() with input as inp
	{[c.address, a] | some [c, a] in azure.parameter_unknowns(_pg, _pg_conf, "server_id", "logfiles.retention_days")} == {[u.address, "server_id"]} with input as inp

	# A configuration of the server itself decides; the unjoined one does not count.
	inp2 := fixtures.plan([_pg, u, _pg_param("k", "logfiles.retention_days", "5")])
	azure.parameter_unknowns(_pg, _pg_conf, "server_id", "logfiles.retention_days") == set() with input as inp2
}

test_parameter_join_by_name_within_resource_group if {
	s := fixtures.resource("azurerm_mysql_flexible_server", "my", {"name": "acme", "resource_group_name": "rg1", "id": "/x/acme"})
	same := fixtures.resource("azurerm_mysql_flexible_server_configuration", "same", {"name": "tls_version", "value": "TLSv1.2", "server_name": "acme", "resource_group_name": "RG1"})
	other := fixtures.resource("azurerm_mysql_flexible_server_configuration", "other", {"name": "tls_version", "value": "TLSv1", "server_name": "acme", "resource_group_name": "rg2"})
	inp := fixtures.state([s, same, other])
	{v | some [v, _] in azure.parameter_values(s, "azurerm_mysql_flexible_server_configuration", "server_name", "tls_version", "TLSv1.2")} == {"TLSv1.2"} with input as inp
}

test_unjoined if {
	r := fixtures.from_local(fixtures.resource("t", "a", {}), ["server_id"])
	azure.unjoined(r, "server_id")
	not azure.unjoined(fixtures.points_at(fixtures.resource("t", "b", {}), "server_id", _pg), "server_id")
	not azure.unjoined(fixtures.resource("t", "c", {"server_id": "x"}), "server_id")
}

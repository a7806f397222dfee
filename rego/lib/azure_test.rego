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

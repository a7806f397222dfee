package tenet.azure.sql.firewall_open_test

import rego.v1

import data.tenet.azure.sql.firewall_open as check
import data.tenet.lib.fixtures

_rule(type, start, end) := fixtures.resource(type, "fw", {"name": "fw", "start_ip_address": start, "end_ip_address": end})

test_deny_whole_internet if {
	check.deny == {{
		"msg": "start_ip_address 0.0.0.0 to end_ip_address 255.255.255.255 admits every internet address",
		"resource": "azurerm_mssql_firewall_rule.fw",
		"attribute": "end_ip_address",
	}} with input as fixtures.plan([_rule("azurerm_mssql_firewall_rule", "0.0.0.0", "255.255.255.255")])
}

test_deny_postgresql_and_mysql_flexible if {
	inp := fixtures.state([
		_rule("azurerm_postgresql_flexible_server_firewall_rule", "0.0.0.0", "255.255.255.255"),
		_rule("azurerm_mysql_flexible_server_firewall_rule", "0.0.0.0", "255.255.255.255"),
	])
	{f.resource | some f in check.deny} == {"azurerm_postgresql_flexible_server_firewall_rule.fw", "azurerm_mysql_flexible_server_firewall_rule.fw"} with input as inp
}

test_allow_narrow_range_and_warn_on_azure_services if {
	inp := fixtures.plan([_rule("azurerm_sql_firewall_rule", "10.0.0.1", "10.0.0.20"), _rule("azurerm_mssql_firewall_rule", "0.0.0.0", "0.0.0.0")])
	check.deny == set() with input as inp
	{f.resource | some f in check.warn} == {"azurerm_mssql_firewall_rule.fw"} with input as inp
}

test_unknown_end_address if {
	r := fixtures.with_unknown(fixtures.resource("azurerm_mssql_firewall_rule", "fw", {"start_ip_address": "0.0.0.0"}), ["end_ip_address"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"end_ip_address"} with input as inp
}

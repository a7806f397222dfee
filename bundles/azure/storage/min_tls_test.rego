package tenet.azure.storage.min_tls_test

import rego.v1

import data.tenet.azure.storage.min_tls as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

test_deny_tls1_0 if {
	check.deny == {{
		"msg": "min_tls_version is TLS1_0: clients may connect with TLS older than 1.2",
		"resource": "azurerm_storage_account.main",
		"attribute": "min_tls_version",
	}} with input as fixtures.plan([_sa({"min_tls_version": "TLS1_0"})])
}

test_deny_tls1_1_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_storage_account.main"} with input as fixtures.state([_sa({"min_tls_version": "TLS1_1"})])
}

test_allow_tls1_2 if {
	check.deny == set() with input as fixtures.plan([_sa({"min_tls_version": "TLS1_2"})])
	check.deny == set() with input as fixtures.plan([_sa({"min_tls_version": "TLS1_3"})])
}

test_unknown_min_tls_version if {
	inp := fixtures.plan([fixtures.with_unknown(_sa({}), ["min_tls_version"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"min_tls_version"} with input as inp
}

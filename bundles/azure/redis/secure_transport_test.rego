package tenet.azure.redis.secure_transport_test

import rego.v1

import data.tenet.azure.redis.secure_transport as check
import data.tenet.lib.fixtures

_cache(name, values) := fixtures.resource("azurerm_redis_cache", name, object.union({"name": name, "sku_name": "Standard"}, values))

test_deny_non_ssl_port_v4 if {
	check.deny == {{
		"msg": "non_ssl_port_enabled is true: clients may connect on port 6379 without TLS",
		"resource": "azurerm_redis_cache.c",
		"attribute": "non_ssl_port_enabled",
	}} with input as fixtures.plan([_cache("c", {"non_ssl_port_enabled": true, "minimum_tls_version": "1.2"})])
}

test_deny_non_ssl_port_v3_and_old_tls_in_state if {
	check.deny == {
		{"msg": "enable_non_ssl_port is true: clients may connect on port 6379 without TLS", "resource": "azurerm_redis_cache.c", "attribute": "enable_non_ssl_port"},
		{"msg": "minimum_tls_version is 1.0: clients may connect with TLS older than 1.2", "resource": "azurerm_redis_cache.c", "attribute": "minimum_tls_version"},
	} with input as fixtures.state([_cache("c", {"enable_non_ssl_port": true, "minimum_tls_version": "1.0"})])
}

test_deny_tls_1_1 if {
	check.deny == {{
		"msg": "minimum_tls_version is 1.1: clients may connect with TLS older than 1.2",
		"resource": "azurerm_redis_cache.c",
		"attribute": "minimum_tls_version",
	}} with input as fixtures.plan([_cache("c", {"enable_non_ssl_port": false, "minimum_tls_version": "1.1"})])
}

test_allow_tls_only if {
	inp := fixtures.plan([
		_cache("v4", {"non_ssl_port_enabled": false, "minimum_tls_version": "1.2"}),
		_cache("v3", {"enable_non_ssl_port": false, "minimum_tls_version": "1.2"}),
		_cache("bare", {}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([_cache("v4", {"non_ssl_port_enabled": false, "minimum_tls_version": "1.2"})])
}

test_unknown_settings if {
	inp := fixtures.plan([
		fixtures.from_local(_cache("a", {"minimum_tls_version": "1.2"}), ["non_ssl_port_enabled"]),
		fixtures.with_unknown(_cache("b", {"enable_non_ssl_port": false}), ["minimum_tls_version"]),
	])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {
		["azurerm_redis_cache.a", "non_ssl_port_enabled"],
		["azurerm_redis_cache.b", "minimum_tls_version"],
	} with input as inp
}

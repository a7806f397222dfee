package tenet.azure.storage.public_blobs_test

import rego.v1

import data.tenet.azure.storage.public_blobs as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

_container(access) := fixtures.resource("azurerm_storage_container", "data", {"name": "data", "container_access_type": access})

test_deny_v3_nested_items_public if {
	check.deny == {{
		"msg": "allow_nested_items_to_be_public is true: containers in the account can be made public",
		"resource": "azurerm_storage_account.main",
		"attribute": "allow_nested_items_to_be_public",
	}} with input as fixtures.plan([_sa({"allow_nested_items_to_be_public": true})])
}

test_deny_v2_blob_public_access if {
	{f.attribute | some f in check.deny} == {"allow_blob_public_access"} with input as fixtures.state([_sa({"allow_blob_public_access": true})])
}

test_deny_public_container if {
	inp := fixtures.plan([_sa({"allow_nested_items_to_be_public": false}), _container("blob"), fixtures.patch(_container("container"), {"address": "azurerm_storage_container.all"})])
	{[f.resource, f.msg] | some f in check.deny} == {
		["azurerm_storage_container.data", `container_access_type is "blob": anyone can read the container's blobs without credentials`],
		["azurerm_storage_container.all", `container_access_type is "container": anyone can read the container's blobs without credentials`],
	} with input as inp
}

test_allow_private if {
	inp := fixtures.plan([_sa({"allow_nested_items_to_be_public": false}), _container("private")])
	check.deny == set() with input as inp
	check.deny == set() with input as fixtures.plan([_sa({"allow_blob_public_access": false})])
}

test_unknown_nested_items_and_access_type if {
	inp := fixtures.plan([
		fixtures.with_unknown(_sa({}), ["allow_nested_items_to_be_public"]),
		fixtures.with_unknown(fixtures.resource("azurerm_storage_container", "data", {"name": "data"}), ["container_access_type"]),
	])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {
		["azurerm_storage_account.main", "allow_nested_items_to_be_public"],
		["azurerm_storage_container.data", "container_access_type"],
	} with input as inp
}

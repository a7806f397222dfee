package tenet.gcp.compute.external_ip_test

import rego.v1

import data.tenet.gcp.compute.external_ip as check
import data.tenet.lib.fixtures

_vm(nics) := fixtures.resource("google_compute_instance", "vm", {"name": "vm", "network_interface": nics})

# checkov-plan_booleans-google.json: an empty access_config {} block, nat_ip unknown.
test_deny_access_config_with_unknown_nat_ip if {
	vm := fixtures.with_unknown(_vm([{"network": "default", "access_config": [{"public_ptr_domain_name": null}], "ipv6_access_config": []}]), ["network_interface.0.access_config.0.nat_ip"])
	inp := fixtures.plan([vm])
	check.deny == {{
		"msg": "network_interface.0.access_config assigns an external IP address",
		"resource": "google_compute_instance.vm",
		"attribute": "network_interface.0.access_config",
	}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_ipv6_access_config_on_second_nic_of_template if {
	t := fixtures.resource("google_compute_instance_template", "t", {"network_interface": [
		{"network": "a", "access_config": []},
		{"network": "b", "ipv6_access_config": [{"network_tier": "PREMIUM"}]},
	]})
	{f.attribute | some f in check.deny} == {"network_interface.1.ipv6_access_config"} with input as fixtures.state([t])
}

test_allow_private_nic_with_unknown_address if {
	vm := fixtures.with_unknown(_vm([{"network": "default", "access_config": [], "ipv6_access_config": null}]), ["network_interface.0.network_ip", "network_interface.0.name"])
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_access_config_block if {
	vm := fixtures.with_unknown(_vm([{"network": "default"}]), ["network_interface.0.access_config"])
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_compute_instance.vm", "network_interface.0.access_config"]} with input as inp
}

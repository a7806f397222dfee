# METADATA
# title: Linux virtual machines accept SSH keys only, not passwords
# description: >-
#   Password logins can be guessed, sprayed and reused from other breaches;
#   SSH keys cannot. Disabling password authentication removes the most
#   common way into an exposed Linux machine.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine
# custom:
#   id: TNT-AZ-VM-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_virtual_machine]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-17", "IA-2", "IA-5"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.1"]
#     hipaa: ["164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set disable_password_authentication = true (os_profile_linux_config on azurerm_virtual_machine) and configure admin_ssh_key.
package tenet.azure.compute.linux_password_auth

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Attribute that decides, per resource type.
_attrs := {
	"azurerm_linux_virtual_machine": "disable_password_authentication",
	"azurerm_linux_virtual_machine_scale_set": "disable_password_authentication",
	"azurerm_virtual_machine": "os_profile_linux_config.0.disable_password_authentication",
}

deny contains result.fail_attr(vm, attr, msg) if {
	some type, path in _attrs
	some vm in terraform.resources(type)
	terraform.get(vm, path, null) == false
	attr := replace(path, ".0.", ".")
	msg := sprintf("%s is false: the machine accepts password logins over SSH", [attr])
}

unknown contains result.unknown(vm, replace(path, ".0.", ".")) if {
	some type, path in _attrs
	some vm in terraform.resources(type)
	terraform.unknown(vm, path)
}

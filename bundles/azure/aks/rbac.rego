# METADATA
# title: AKS clusters authorize API requests with Kubernetes RBAC
# description: >-
#   Without RBAC every authenticated identity has full control of the
#   cluster. With Entra ID integration, the local admin account must also be
#   off, or it bypasses the directory entirely.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
# custom:
#   id: TNT-AZ-AKS-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_kubernetes_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-2", "AC-3", "IA-2"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "8.2.1"]
#     hipaa: ["164.312(a)(1)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Keep role_based_access_control_enabled = true and, with azure_active_directory_role_based_access_control, set local_account_disabled = true.
package tenet.azure.aks.rbac

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# role_based_access_control_enabled (v3+, default true) replaced the v2
# block role_based_access_control { enabled }.
_names := ["role_based_access_control_enabled", "role_based_access_control.0.enabled"]

deny contains result.fail_attr(c, name, msg) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	azure.setting(c, _names) == false
	name := replace(azure.setting_name(c, _names), ".0.", ".")
	msg := sprintf("%s is false: Kubernetes RBAC is off", [name])
}

deny contains result.fail_attr(c, "local_account_disabled", msg) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	count(azure.block(c, "azure_active_directory_role_based_access_control")) > 0
	terraform.get(c, "local_account_disabled", false) == false
	not terraform.unknown(c, "local_account_disabled")
	msg := "local_account_disabled is not true: the local admin account bypasses Entra ID"
}

unknown contains result.unknown(c, name) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	name := azure.unknown_setting(c, _names)
}

unknown contains result.unknown(c, "local_account_disabled") if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	count(azure.block(c, "azure_active_directory_role_based_access_control")) > 0
	terraform.unknown(c, "local_account_disabled")
}

# Entra ID integration set through a dynamic block or a local: whether the
# local account matters is known only after apply.
unknown contains result.unknown(c, "azure_active_directory_role_based_access_control") if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	count(azure.block(c, "azure_active_directory_role_based_access_control")) == 0
	compute.set_unknown(c, "azure_active_directory_role_based_access_control")
	not terraform.is_true(c, "local_account_disabled")
}

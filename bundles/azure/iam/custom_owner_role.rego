# METADATA
# title: No custom role grants every action at subscription scope or above
# description: >-
#   A custom role with all actions, assignable on a subscription or a
#   management group, is an Owner role that escapes the reviews applied to
#   the built-in one. Custom roles should list the actions they need.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition
# custom:
#   id: TNT-AZ-IAM-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_role_definition]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["1.23", "1.24"]
#     cis-azure-3.0.0: ["2.23"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Replace "*" in permissions.actions with the actions the role needs, or limit assignable_scopes to resource groups.
package tenet.azure.iam.custom_owner_role

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(rd, "permissions.actions", msg) if {
	some rd in terraform.resources("azurerm_role_definition")
	_all_actions(rd)
	some scope in _scopes(rd)
	_broad(scope)
	msg := sprintf(`permissions.actions contains "*" and the role is assignable at %s`, [scope])
}

# assignable_scopes defaults to [scope] (computed); scope is required.
unknown contains result.unknown(rd, "assignable_scopes") if {
	some rd in terraform.resources("azurerm_role_definition")
	_all_actions(rd)
	not _any_broad(rd)
	_unknown_scope(rd)
}

# Actions set through a local or a dynamic block may include "*".
unknown contains result.unknown(rd, "permissions.actions") if {
	some rd in terraform.resources("azurerm_role_definition")
	not _all_actions(rd)
	compute.set_unknown(rd, "permissions.0.actions")
	_maybe_broad(rd)
}

_maybe_broad(rd) if _any_broad(rd)

_maybe_broad(rd) if _unknown_scope(rd)

_all_actions(rd) if {
	some p in azure.block(rd, "permissions")
	"*" in object.get(p, "actions", [])
}

_scopes(rd) := {s |
	some s in terraform.get(rd, "assignable_scopes", [])
	is_string(s)
} | {s |
	s := terraform.get(rd, "scope", null)
	is_string(s)
}

# The root ("/"), a subscription or a management group.
_broad(scope) if regex.match(`(?i)^/(subscriptions/[^/]+|providers/microsoft\.management/managementgroups/[^/]+)?/?$`, scope)

_any_broad(rd) if {
	some s in _scopes(rd)
	_broad(s)
}

_unknown_scope(rd) if terraform.unknown(rd, "scope")

_unknown_scope(rd) if {
	some u in terraform.unknown_paths(rd)
	startswith(u, "assignable_scopes.")
}

# METADATA
# title: Deleted blobs stay recoverable for at least seven days
# description: >-
#   Without soft delete a blob removed by mistake, by a script or by an
#   attacker is gone at once. A retention window gives time to notice and
#   restore it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
# custom:
#   id: TNT-AZ-STG-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.11"]
#     cis-azure-3.0.0: ["4.10"]
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Add blob_properties { delete_retention_policy { days = 7 } } (or more days) to the storage account.
package tenet.azure.storage.soft_delete

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# The catalog's parameterised minimum; tenet has no rule parameters yet.
_min_days := 7

_policy := "blob_properties.0.delete_retention_policy"

_days := concat(".", [_policy, "0.days"])

deny contains result.fail_attr(sa, "blob_properties.delete_retention_policy", msg) if {
	some sa in _accounts
	count(azure.block(sa, _policy)) == 0
	not _undecided(sa)
	msg := "blob_properties.delete_retention_policy is not set: deleted blobs cannot be recovered"
}

deny contains result.fail_attr(sa, "blob_properties.delete_retention_policy.days", msg) if {
	some sa in _accounts
	days := terraform.get(sa, _days, null)
	is_number(days)
	days < _min_days
	msg := sprintf("blob_properties.delete_retention_policy.days is %d, below %d", [days, _min_days])
}

# blob_properties is computed: wholly unknown means not declared. Inside a
# declared block, an unknown policy or days decides nothing yet.
unknown contains result.unknown(sa, "blob_properties.delete_retention_policy.days") if {
	some sa in _accounts
	_undecided(sa)
}

_undecided(sa) if {
	count(azure.block(sa, "blob_properties")) > 0
	terraform.unknown(sa, _policy)
}

# blob_properties set through a dynamic block or a local.
_undecided(sa) if {
	count(azure.block(sa, "blob_properties")) == 0
	compute.set_unknown(sa, "blob_properties")
}

# FileStorage accounts have no blob service.
_accounts contains sa if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.get(sa, "account_kind", "StorageV2") != "FileStorage"
}

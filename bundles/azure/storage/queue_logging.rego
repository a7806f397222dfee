# METADATA
# title: Storage accounts log read, write and delete requests to the Queue service
# description: >-
#   Queues carry messages that any client holding the account's keys or a
#   SAS token can read, add or remove. Storage Analytics logging of read,
#   write and delete requests records who did what to which queue, the trail
#   an investigation of misuse or data loss needs. It is off by default.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_queue_properties
# custom:
#   id: TNT-AZ-STG-011
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.5"]
#     cis-azure-3.0.0: ["4.12"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add queue_properties { logging { version = "1.0", read = true, write = true, delete = true } } to the account, or (provider v4) an azurerm_storage_account_queue_properties with that logging block.
package tenet.azure.storage.queue_logging

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Provider v4 moves queue_properties (deprecated inline) to its own resource.
_separate := "azurerm_storage_account_queue_properties"

_joins := ["storage_account_id"]

_ops := ["read", "write", "delete"]

_inline := "queue_properties.0.logging.0"

# Queue logging is off unless configured (the block has no defaults). Only
# Standard accounts of kind Storage or StorageV2 (the provider's default
# kind) have a Queue service; account_tier is required.
deny contains result.fail_attr(sa, "queue_properties.logging", msg) if {
	some sa in _open
	count(_loggings(sa)) == 0
	msg := sprintf("no queue_properties.logging (inline or %s): queue requests are not logged", [_separate])
}

deny contains result.fail_attr(sa, "queue_properties.logging", msg) if {
	some sa in _open
	some b in azure.block(sa, "queue_properties.0.logging")
	msg := sprintf("queue_properties.logging does not log %s requests", [_missing(b)])
}

deny contains result.fail(sa, msg) if {
	some sa in _open
	some e in azure.attached(sa, _separate, _joins)
	some b in azure.block(e, "logging")
	msg := sprintf("the logging block of %s does not log %s requests", [e.address, _missing(b)])
}

unknown contains result.unknown(sa, attr) if {
	some sa in _candidates
	some attr in ["account_kind", "account_tier"]
	terraform.unknown(sa, attr)
}

unknown contains result.unknown(sa, concat(".", ["queue_properties.logging", op])) if {
	some sa in _candidates
	count(azure.block(sa, "queue_properties")) > 0
	some op in _ops
	compute.set_unknown(sa, concat(".", [_inline, op]))
}

# queue_properties set through a dynamic block or a local.
unknown contains result.unknown(sa, "queue_properties.logging") if {
	some sa in _candidates
	count(azure.block(sa, "queue_properties")) == 0
	compute.set_unknown(sa, "queue_properties")
}

unknown contains result.unknown_via(sa, e, concat(".", ["logging", op])) if {
	some sa in _candidates
	some e in azure.attached(sa, _separate, _joins)
	some op in _ops
	compute.set_unknown(e, concat(".", ["logging.0", op]))
}

# The logging blocks that configure sa's Queue service, inline or separate.
_loggings(sa) := array.concat(
	azure.block(sa, "queue_properties.0.logging"),
	[b |
		some e in azure.attached(sa, _separate, _joins)
		some b in azure.block(e, "logging")
	],
)

_logs_all(b) if {
	every op in _ops {
		b[op] == true
	}
}

_missing(b) := concat(", ", [op | some op in _ops; object.get(b, op, false) != true])

_candidates contains sa if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.get(sa, "account_kind", "StorageV2") in {"Storage", "StorageV2"}
	terraform.get(sa, "account_tier", "Standard") != "Premium"
	not _logged(sa)
}

_logged(sa) if {
	some b in _loggings(sa)
	_logs_all(b)
}

_open contains sa if {
	some sa in _candidates
	not _undecided(sa)
}

_undecided(sa) if {
	some u in unknown
	u.resource == sa.address
}

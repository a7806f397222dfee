# METADATA
# title: Defender for Cloud sends high-severity alerts to a security contact
# description: >-
#   An alert that reaches nobody is no better than no alert. A contact email
#   with alert notifications, copied to subscription owners, makes sure
#   someone responds to an active attack.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact
# custom:
#   id: TNT-AZ-DEF-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_security_center_contact]
#   controls:
#     cis-azure-2.0.0: ["2.1.19", "2.1.20"]
#     cis-azure-3.0.0: ["3.1.13", "3.1.14"]
#     nist-800-53-r5: ["IR-4", "IR-6"]
#     soc2-2017: ["CC7.3", "CC7.4"]
#     pci-dss-4.0: ["12.10.1"]
#     hipaa: ["164.308(a)(6)(ii)"]
#     gdpr: ["Art. 33(1)"]
#   remediation: Set a monitored email, alert_notifications = true and alerts_to_admins = true on the azurerm_security_center_contact.
package tenet.azure.defender.security_contact

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_contacts := terraform.resources("azurerm_security_center_contact")

# One good contact is enough; otherwise every contact is reported.
deny contains result.fail(c, msg) if {
	not _any_good
	not _any_undecided
	some c in _contacts
	msg := sprintf("%s: high-severity alerts reach nobody", [concat(", ", _problems(c))])
}

unknown contains result.unknown(c, attr) if {
	not _any_good
	some c in _contacts
	some attr in _attrs
	terraform.unknown(c, attr)
}

_attrs := ["email", "alert_notifications", "alerts_to_admins"]

_problems(c) := [p |
	some attr in _attrs
	not _ok(c, attr)
	p := _problem[attr]
]

_problem := {
	"email": "email is empty",
	"alert_notifications": "alert_notifications is not true",
	"alerts_to_admins": "alerts_to_admins is not true",
}

_ok(c, "email") if terraform.get(c, "email", "") != ""

_ok(c, attr) if {
	attr != "email"
	terraform.is_true(c, attr)
}

_any_good if {
	some c in _contacts
	count(_problems(c)) == 0
}

_any_undecided if {
	some c in _contacts
	terraform.any_unknown(c, _attrs)
}

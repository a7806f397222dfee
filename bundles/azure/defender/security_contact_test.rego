package tenet.azure.defender.security_contact_test

import rego.v1

import data.tenet.azure.defender.security_contact as check
import data.tenet.lib.fixtures

_contact(name, values) := fixtures.resource("azurerm_security_center_contact", name, object.union({"name": name, "email": "soc@example.com", "alert_notifications": true, "alerts_to_admins": true}, values))

test_deny_notifications_off if {
	check.deny == {{
		"msg": "alert_notifications is not true, alerts_to_admins is not true: high-severity alerts reach nobody",
		"resource": "azurerm_security_center_contact.soc",
	}} with input as fixtures.plan([_contact("soc", {"alert_notifications": false, "alerts_to_admins": false})])
}

test_deny_every_contact_when_none_is_good if {
	inp := fixtures.state([_contact("a", {"email": ""}), _contact("b", {"alerts_to_admins": false})])
	{f.resource | some f in check.deny} == {"azurerm_security_center_contact.a", "azurerm_security_center_contact.b"} with input as inp
}

test_allow_one_good_contact if {
	check.deny == set() with input as fixtures.plan([_contact("a", {"email": ""}), _contact("b", {})])
}

test_unknown_email if {
	inp := fixtures.plan([fixtures.with_unknown(_contact("soc", {"email": null}), ["email"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"email"} with input as inp
}

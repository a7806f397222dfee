package tenet.aws.guardduty.enabled_test

import rego.v1

import data.tenet.aws.guardduty.enabled as check
import data.tenet.lib.fixtures

test_deny_disabled_detector if {
	d := fixtures.resource("aws_guardduty_detector", "main", {"enable": false})
	check.deny == {{"msg": "the GuardDuty detector is disabled (enable = false)", "resource": "aws_guardduty_detector.main", "attribute": "enable"}} with input as fixtures.plan([d])
}

test_deny_org_members_none if {
	o := fixtures.resource("aws_guardduty_organization_configuration", "org", {"auto_enable_organization_members": "NONE", "detector_id": "abc"})
	{f.attribute | some f in check.deny} == {"auto_enable_organization_members"} with input as fixtures.state([o])
}

test_deny_legacy_auto_enable_false if {
	o := fixtures.resource("aws_guardduty_organization_configuration", "org", {"auto_enable": false, "detector_id": "abc"})
	{f.attribute | some f in check.deny} == {"auto_enable"} with input as fixtures.state([o])
}

test_allow_enabled if {
	inp := fixtures.plan([
		fixtures.resource("aws_guardduty_detector", "main", {"enable": true}),
		fixtures.resource("aws_guardduty_detector", "default", {}),
		fixtures.resource("aws_guardduty_organization_configuration", "org", {"auto_enable_organization_members": "ALL", "auto_enable": false}),
	])
	check.deny == set() with input as inp
}

test_unknown_enable if {
	d := fixtures.with_unknown(fixtures.resource("aws_guardduty_detector", "main", {}), ["enable"])
	check.deny == set() with input as fixtures.plan([d])
	{f.resource | some f in check.unknown} == {"aws_guardduty_detector.main"} with input as fixtures.plan([d])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_organization_settings_through_local if {
	members := fixtures.from_local(fixtures.resource("aws_guardduty_organization_configuration", "a", {"auto_enable": false}), ["auto_enable_organization_members"])
	auto := fixtures.from_local(fixtures.resource("aws_guardduty_organization_configuration", "b", {"detector_id": "d"}), ["auto_enable"])
	inp := fixtures.plan([members, auto])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {
		["aws_guardduty_organization_configuration.a", "auto_enable_organization_members"],
		["aws_guardduty_organization_configuration.b", "auto_enable"],
	} with input as inp
}

package tenet.aws.iam.admin_attached_test

import rego.v1

import data.tenet.aws.iam.admin_attached as check
import data.tenet.lib.fixtures

_admin := "arn:aws:iam::aws:policy/AdministratorAccess"

test_deny_role_attachment if {
	a := fixtures.resource("aws_iam_role_policy_attachment", "admin", {"role": "ops", "policy_arn": _admin})
	check.deny == {{"msg": "the AdministratorAccess managed policy is attached", "resource": "aws_iam_role_policy_attachment.admin", "attribute": "policy_arn"}} with input as fixtures.plan([a])
}

test_deny_gov_cloud_group_and_role_list if {
	inp := fixtures.state([
		fixtures.resource("aws_iam_group_policy_attachment", "g", {"group": "admins", "policy_arn": "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"}),
		fixtures.resource("aws_iam_role", "r", {"name": "r", "managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", _admin]}),
	])
	{[f.resource, f.attribute] | some f in check.deny} == {["aws_iam_group_policy_attachment.g", "policy_arn"], ["aws_iam_role.r", "managed_policy_arns"]} with input as inp
}

test_allow_other_policies if {
	inp := fixtures.plan([
		fixtures.resource("aws_iam_user_policy_attachment", "u", {"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}),
		fixtures.resource("aws_iam_policy_attachment", "p", {"policy_arn": "arn:aws:iam::123456789012:policy/AdministratorAccess"}),
	])
	check.deny == set() with input as inp
}

test_unknown_policy_arn if {
	a := fixtures.with_unknown(fixtures.resource("aws_iam_role_policy_attachment", "a", {"role": "r"}), ["policy_arn"])
	check.deny == set() with input as fixtures.plan([a])
	{f.resource | some f in check.unknown} == {"aws_iam_role_policy_attachment.a"} with input as fixtures.plan([a])
}

test_allow_policy_arn_from_customer_policy if {
	a := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_iam_role_policy_attachment", "a", {"role": "r"}), ["policy_arn"]), {"policy_arn": ["aws_iam_policy.p"]})
	check.unknown == set() with input as fixtures.plan([a])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_role_policies_through_local if {
	local := fixtures.from_local(fixtures.resource("aws_iam_role", "ci", {"name": "ci"}), ["managed_policy_arns"])
	referenced := fixtures.points_at(fixtures.resource("aws_iam_role", "app", {"name": "app"}), "managed_policy_arns", fixtures.resource("aws_iam_policy", "app", {}))
	left_out := fixtures.computed(fixtures.resource("aws_iam_role", "web", {"name": "web"}), ["managed_policy_arns"])
	inp := fixtures.plan([local, referenced, left_out])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_iam_role.ci"} with input as inp
}

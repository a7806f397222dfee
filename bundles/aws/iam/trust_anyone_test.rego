package tenet.aws.iam.trust_anyone_test

import rego.v1

import data.tenet.aws.iam.trust_anyone as check
import data.tenet.lib.fixtures

_role(statements) := fixtures.resource("aws_iam_role", "r", {"name": "r", "assume_role_policy": json.marshal({"Version": "2012-10-17", "Statement": statements})})

test_deny_star_principal if {
	r := _role([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}])
	check.deny == {{"msg": "statement 0 lets any principal assume the role", "resource": "aws_iam_role.r", "attribute": "assume_role_policy"}} with input as fixtures.plan([r])
}

test_deny_wildcard_action_with_unrelated_condition if {
	r := _role([{"Sid": "Any", "Effect": "Allow", "Principal": "*", "Action": "sts:*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}])
	{f.msg | some f in check.deny} == {`statement "Any" lets any principal assume the role`} with input as fixtures.state([r])
}

test_allow_named_or_conditioned if {
	r := _role([
		{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
		{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}},
		{"Effect": "Allow", "Principal": "*", "Action": "sts:TagSession"},
	])
	check.deny == set() with input as fixtures.plan([r])
}

test_unknown_trust_policy if {
	r := fixtures.with_unknown(fixtures.resource("aws_iam_role", "r", {"name": "r"}), ["assume_role_policy"])
	check.deny == set() with input as fixtures.plan([r])
	{f.attribute | some f in check.unknown} == {"assume_role_policy"} with input as fixtures.plan([r])
}

_doc(key, principals, condition) := fixtures.with_index(
	fixtures.in_module(
		fixtures.data_source("aws_iam_policy_document", "r4", {"statement": [{
			"actions": ["sts:AssumeRoleWithWebIdentity"],
			"effect": "Allow",
			"principals": principals,
			"condition": condition,
		}]}),
		"module.poc",
	),
	key,
)

_role_from_doc(key) := fixtures.with_index(
	fixtures.in_module(
		fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_iam_role", "r6", {"name": "r6"}), ["assume_role_policy"]), {"assume_role_policy": ["module.poc.data.aws_iam_policy_document.r4"]}),
		"module.poc",
	),
	key,
)

_federated := [{"type": "Federated", "identifiers": ["cognito-identity.amazonaws.com"]}]

test_allow_checkov_github_actions_oidc_trust_policy_from_data_source if {
	cond := [{"test": "StringEquals", "variable": "accounts.google.com:aud", "values": ["sts.amazonaws.com"]}]
	inp := fixtures.plan([_doc("p1", _federated, cond), _doc("p2", _federated, cond), _role_from_doc("p1"), _role_from_doc("p2")])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_deny_anonymous_trust_from_data_source if {
	inp := fixtures.plan([_doc("p1", [{"type": "AWS", "identifiers": ["*"]}], []), _role_from_doc("p1")])
	check.deny == {{"msg": "statement 0 lets any principal assume the role", "resource": `module.poc.aws_iam_role.r6["p1"]`, "attribute": "assume_role_policy"}} with input as inp
}

test_unknown_when_data_source_instances_disagree if {
	inp := fixtures.plan([_doc("p1", [{"type": "AWS", "identifiers": ["*"]}], []), _doc("p2", _federated, []), _role_from_doc("p1")])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {`module.poc.aws_iam_role.r6["p1"]`} with input as inp
}

package tenet.aws.ecr.public_policy_test

import rego.v1

import data.tenet.aws.ecr.public_policy as check
import data.tenet.lib.fixtures

_policy(statements) := fixtures.resource("aws_ecr_repository_policy", "app", {"repository": "app", "policy": json.marshal({"Version": "2012-10-17", "Statement": statements})})

_pull := ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]

test_deny_anonymous_pull if {
	p := _policy([{"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": _pull}])
	check.deny == {{
		"msg": "policy statement \"Public\" allows every principal without an account or organization condition",
		"resource": "aws_ecr_repository_policy.app",
		"attribute": "policy",
	}} with input as fixtures.plan([p])
}

test_deny_aws_wildcard_in_list if {
	p := _policy([{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": _pull}])
	{f.msg | some f in check.deny} == {"policy statement 0 allows every principal without an account or organization condition"} with input as fixtures.state([p])
}

test_allow_accounts_or_org_condition if {
	p := _policy([
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": _pull},
		{"Effect": "Allow", "Principal": "*", "Action": _pull, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}},
		{"Effect": "Deny", "Principal": "*", "Action": "ecr:*"},
	])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy if {
	p := fixtures.with_unknown(fixtures.resource("aws_ecr_repository_policy", "app", {"repository": "app"}), ["policy"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "policy is unknown until apply", "resource": "aws_ecr_repository_policy.app", "attribute": "policy"}} with input as inp
}

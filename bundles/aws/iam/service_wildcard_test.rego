package tenet.aws.iam.service_wildcard_test

import rego.v1

import data.tenet.aws.iam.service_wildcard as check
import data.tenet.lib.fixtures

_policy(type, statements) := fixtures.resource(type, "p", {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})})

test_deny_service_wildcard if {
	p := _policy("aws_iam_policy", [{"Sid": "S3", "Effect": "Allow", "Action": ["s3:GetObject", "S3:*"], "Resource": "arn:aws:s3:::b/*"}])
	check.deny == {{"msg": `statement "S3" allows "s3:*"`, "resource": "aws_iam_policy.p", "attribute": "policy"}} with input as fixtures.plan([p])
}

test_deny_star_in_inline_policy if {
	p := _policy("aws_iam_role_policy", [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b"}])
	{f.msg | some f in check.deny} == {`statement 0 allows "*"`} with input as fixtures.state([p])
}

test_allow_specific_or_narrowed if {
	p := _policy("aws_iam_user_policy", [
		{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"},
		{"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}},
		{"Effect": "Allow", "Action": "kms:*", "NotResource": "arn:aws:kms:*:*:key/prod"},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "*"},
	])
	check.deny == set() with input as fixtures.plan([p])
}

test_unknown_policy if {
	p := fixtures.with_unknown(fixtures.resource("aws_iam_group_policy", "g", {}), ["policy"])
	check.deny == set() with input as fixtures.plan([p])
	{f.resource | some f in check.unknown} == {"aws_iam_group_policy.g"} with input as fixtures.plan([p])
}

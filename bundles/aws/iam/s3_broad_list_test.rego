package tenet.aws.iam.s3_broad_list_test

import rego.v1

import data.tenet.aws.iam.s3_broad_list as check
import data.tenet.lib.fixtures

_policy(type, statements) := fixtures.resource(type, "p", {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})})

test_deny_list_all_my_buckets if {
	p := _policy("aws_iam_policy", [{"Sid": "Console", "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:ListAllMyBuckets"], "Resource": "*"}])
	check.deny == {{"msg": `statement "Console" allows s3:ListAllMyBuckets on every bucket`, "resource": "aws_iam_policy.p", "attribute": "policy"}} with input as fixtures.plan([p])
}

test_deny_wildcards if {
	p := _policy("aws_iam_role_policy", [
		{"Effect": "Allow", "Action": "S3:List*", "Resource": "arn:aws:s3:::*"},
		{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::logs", "*"]},
	])
	check.deny == {
		{"msg": "statement 0 allows s3:ListAllMyBuckets, s3:ListBucket, s3:ListBucketVersions on every bucket", "resource": "aws_iam_role_policy.p", "attribute": "policy"},
		{"msg": "statement 1 allows s3:ListAllMyBuckets, s3:ListBucket, s3:ListBucketVersions on every bucket", "resource": "aws_iam_role_policy.p", "attribute": "policy"},
	} with input as fixtures.state([p])
}

test_allow_named_buckets_conditions_and_denies if {
	p := _policy("aws_iam_user_policy", [
		{"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": "arn:aws:s3:::reports"},
		{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"},
		{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*"]}}},
		{"Effect": "Deny", "Action": "s3:*", "Resource": "*"},
		{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"},
	])
	g := fixtures.resource("aws_iam_group_policy", "broken", {"policy": "{not json"})
	inp := fixtures.plan([p, g])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

# The policy JSON is unknown until apply, but its aws_iam_policy_document
# data source is known: it decides.
test_deny_through_policy_document if {
	doc := fixtures.data_source("aws_iam_policy_document", "list", {"statement": [{"effect": "Allow", "actions": ["s3:ListAllMyBuckets"], "resources": ["*"]}]})
	p := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_iam_policy", "p", {}), ["policy"]), {"policy": ["data.aws_iam_policy_document.list"]})
	inp := fixtures.plan([doc, p])
	{f.msg | some f in check.deny} == {"statement 0 allows s3:ListAllMyBuckets on every bucket"} with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy if {
	p := fixtures.with_unknown(fixtures.resource("aws_iam_group_policy", "g", {}), ["policy"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "policy is unknown until apply", "resource": "aws_iam_group_policy.g", "attribute": "policy"}} with input as inp
}

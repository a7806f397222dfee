package tenet.aws.s3.policy_public_test

import rego.v1

import data.tenet.aws.s3.policy_public as check
import data.tenet.lib.fixtures

_bucket(name) := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", name, {"bucket": name}), ["id", "policy"])

_policy(b, statements) := fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", b.name, {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})}), "bucket", b)

test_deny_public_read if {
	b := _bucket("site")
	p := _policy(b, [{"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}])
	check.deny == {{"msg": `statement "Public" of aws_s3_bucket_policy.site allows any principal without a restricting condition`, "resource": "aws_s3_bucket.site"}} with input as fixtures.plan([b, p])
}

test_deny_aws_star_with_unrelated_condition if {
	b := _bucket("site")
	p := _policy(b, [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}])
	{f.resource | some f in check.deny} == {"aws_s3_bucket.site"} with input as fixtures.plan([b, p])
}

test_deny_v3_inline_policy_in_state if {
	b := fixtures.resource("aws_s3_bucket", "old", {"bucket": "old", "policy": `{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}}`})
	{f.msg | some f in check.deny} == {"statement 0 of aws_s3_bucket.old allows any principal without a restricting condition"} with input as fixtures.state([b])
}

test_allow_org_condition_and_deny_statements if {
	b := _bucket("data")
	p := _policy(b, [
		{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}},
		{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*"},
	])
	check.deny == set() with input as fixtures.plan([b, p])
	check.unknown == set() with input as fixtures.plan([b, p])
}

test_unknown_policy if {
	b := _bucket("data")
	p := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", "data", {}), "bucket", b), ["policy"])
	check.deny == set() with input as fixtures.plan([b, p])
	check.unknown == {{"msg": "policy of aws_s3_bucket_policy.data is unknown until apply", "resource": "aws_s3_bucket.data"}} with input as fixtures.plan([b, p])
}

package tenet.aws.kms.decrypt_any_key_test

import rego.v1

import data.tenet.aws.kms.decrypt_any_key as check
import data.tenet.lib.fixtures

_policy(type, statements) := fixtures.resource(type, "p", {"policy": json.marshal({"Statement": statements})})

test_deny_decrypt_on_star if {
	p := _policy("aws_iam_policy", [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*"}])
	check.deny == {{"msg": `statement 0 allows kms:Decrypt on every KMS key (Resource "*")`, "resource": "aws_iam_policy.p", "attribute": "policy"}} with input as fixtures.plan([p])
}

test_deny_kms_wildcard_inline if {
	p := _policy("aws_iam_role_policy", [{"Sid": "K", "Effect": "Allow", "Action": "kms:*", "Resource": ["*"]}])
	{f.msg | some f in check.deny} == {`statement "K" allows kms:Decrypt and kms:ReEncryptFrom on every KMS key (Resource "*")`} with input as fixtures.state([p])
}

test_allow_scoped if {
	p := _policy("aws_iam_user_policy", [
		{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:eu-west-1:1:key/k"},
		{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}}},
		{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/app": "x"}}},
		{"Effect": "Allow", "Action": "kms:Encrypt", "Resource": "*"},
		{"Effect": "Deny", "Action": "kms:*", "Resource": "*"},
	])
	check.deny == set() with input as fixtures.plan([p])
}

test_unknown_policy if {
	p := fixtures.with_unknown(fixtures.resource("aws_iam_policy", "p", {}), ["policy"])
	check.deny == set() with input as fixtures.plan([p])
	{f.resource | some f in check.unknown} == {"aws_iam_policy.p"} with input as fixtures.plan([p])
}

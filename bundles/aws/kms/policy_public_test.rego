package tenet.aws.kms.policy_public_test

import rego.v1

import data.tenet.aws.kms.policy_public as check
import data.tenet.lib.fixtures

_key(policy) := fixtures.resource("aws_kms_key", "k", {"policy": json.marshal({"Statement": policy})})

test_deny_anonymous_key_policy if {
	k := _key([{"Sid": "Open", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}])
	check.deny == {{"msg": `statement "Open" allows any principal without a restricting condition`, "resource": "aws_kms_key.k", "attribute": "policy"}} with input as fixtures.plan([k])
}

test_deny_separate_key_policy if {
	p := fixtures.resource("aws_kms_key_policy", "k", {"policy": `{"Statement":{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt"}}`})
	{f.resource | some f in check.deny} == {"aws_kms_key_policy.k"} with input as fixtures.state([p])
}

test_allow_root_and_conditioned if {
	k := _key([
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
		{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "s3.eu-west-1.amazonaws.com"}}},
	])
	check.deny == set() with input as fixtures.plan([k])
}

test_unknown_key_policy_resource if {
	p := fixtures.with_unknown(fixtures.resource("aws_kms_key_policy", "k", {}), ["policy"])
	computed := fixtures.computed(fixtures.resource("aws_kms_key", "k", {}), ["policy"])
	check.deny == set() with input as fixtures.plan([p, computed])
	{f.resource | some f in check.unknown} == {"aws_kms_key_policy.k"} with input as fixtures.plan([p, computed])
}

# A key policy through a local (no reference) is set: unknown until apply.
test_unknown_key_policy_through_local if {
	k := fixtures.from_local(fixtures.resource("aws_kms_key", "k", {}), ["policy"])
	check.deny == set() with input as fixtures.plan([k])
	{f.resource | some f in check.unknown} == {"aws_kms_key.k"} with input as fixtures.plan([k])
}

test_unknown_key_policy_set_by_reference if {
	k := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_kms_key", "k", {}), ["policy"]), {"policy": ["aws_iam_role.admin"]})
	check.unknown == {{"msg": "policy is unknown until apply", "resource": "aws_kms_key.k", "attribute": "policy"}} with input as fixtures.plan([k])
}

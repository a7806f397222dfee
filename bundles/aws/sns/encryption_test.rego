package tenet.aws.sns.encryption_test

import rego.v1

import data.tenet.aws.sns.encryption as check
import data.tenet.lib.fixtures

_topic(name, values) := fixtures.resource("aws_sns_topic", name, object.union({"name": name}, values))

test_deny_without_key if {
	inp := fixtures.plan([_topic("alerts", {}), _topic("events", {"kms_master_key_id": ""})])
	check.deny == {
		{"msg": "kms_master_key_id is not set: messages are not encrypted with KMS", "resource": "aws_sns_topic.alerts", "attribute": "kms_master_key_id"},
		{"msg": "kms_master_key_id is not set: messages are not encrypted with KMS", "resource": "aws_sns_topic.events", "attribute": "kms_master_key_id"},
	} with input as inp
}

test_allow_alias_or_new_key if {
	new_key := fixtures.with_unknown(_topic("b", {}), ["kms_master_key_id"])
	check.deny == set() with input as fixtures.plan([_topic("a", {"kms_master_key_id": "alias/aws/sns"}), new_key])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_key_through_local if {
	t := fixtures.from_local(_topic("alerts", {}), ["kms_master_key_id"])
	check.deny == set() with input as fixtures.plan([t])
	{f.attribute | some f in check.unknown} == {"kms_master_key_id"} with input as fixtures.plan([t])
}

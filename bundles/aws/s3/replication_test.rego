package tenet.aws.s3.replication_test

import rego.v1

import data.tenet.aws.s3.replication as check
import data.tenet.lib.fixtures

_params := {"s3_replication_data_classes": ["Confidential", "restricted"]}

# A v4+ bucket on create: id, arn and the computed inline block are unknown.
_bucket(name, tags) := fixtures.with_unknown(
	fixtures.resource("aws_s3_bucket", name, {"bucket": sprintf("acme-%s", [name]), "tags": tags, "tags_all": tags}),
	["arn", "id", "replication_configuration"],
)

_replication(name, status, source) := fixtures.points_at(
	fixtures.resource("aws_s3_bucket_replication_configuration", name, {"role": "arn:aws:iam::1:role/replication", "rule": [{"id": "all", "status": status, "destination": [{"bucket": "arn:aws:s3:::acme-dr", "storage_class": "STANDARD"}]}]}),
	"bucket", source,
)

test_deny_classified_bucket_without_replication if {
	b := _bucket("customers", {"DataClassification": "confidential"})
	disabled := _bucket("orders", {"DataClassification": "Restricted"})
	inp := fixtures.plan([b, disabled, _replication("orders", "Disabled", disabled)])
	check.deny == {
		{"msg": `the bucket is tagged DataClassification = "confidential" but has no enabled replication rule`, "resource": "aws_s3_bucket.customers"},
		{"msg": `the bucket is tagged DataClassification = "Restricted" but has no enabled replication rule`, "resource": "aws_s3_bucket.orders"},
	} with input as inp with data.tenet.params as _params
	check.unknown == set() with input as inp with data.tenet.params as _params
}

test_deny_custom_tag_key_in_state if {
	b := fixtures.resource("aws_s3_bucket", "hr", {"bucket": "acme-hr", "arn": "arn:aws:s3:::acme-hr", "tags": {"acme:class": "restricted"}, "replication_configuration": []})
	inp := fixtures.state([b])
	p := object.union(_params, {"data_class_tag": "acme:class"})
	{f.resource | some f in check.deny} == {"aws_s3_bucket.hr"} with input as inp with data.tenet.params as p
	check.deny == set() with input as inp with data.tenet.params as _params
}

test_allow_replicated_and_replica_buckets if {
	source := _bucket("customers", {"DataClassification": "confidential"})
	replica := fixtures.resource("aws_s3_bucket", "dr", {"bucket": "acme-dr", "arn": "arn:aws:s3:::acme-dr", "tags": {"DataClassification": "confidential"}})
	inline := fixtures.resource("aws_s3_bucket", "legacy", {"bucket": "acme-legacy", "tags": {"DataClassification": "confidential"}, "replication_configuration": [{"role": "arn:aws:iam::1:role/r", "rules": [{"id": "a", "status": "Enabled", "destination": [{"bucket": "arn:aws:s3:::acme-dr"}]}]}]})
	public := _bucket("site", {"DataClassification": "public"})
	untagged := _bucket("tmp", {})
	inp := fixtures.plan([source, _replication("customers", "Enabled", source), replica, inline, public, untagged])
	check.deny == set() with input as inp with data.tenet.params as _params
	check.unknown == set() with input as inp with data.tenet.params as _params
}

# A replica whose source rule names it through a reference in a plan.
test_allow_replica_by_reference if {
	source := _bucket("customers", {"DataClassification": "confidential"})
	replica := _bucket("dr", {"DataClassification": "confidential"})
	rule := fixtures.with_refs(_replication("customers", "Enabled", source), {"rule.destination.bucket": ["aws_s3_bucket.dr"]})
	check.deny == set() with input as fixtures.plan([source, replica, rule]) with data.tenet.params as _params
}

# Only an enabled rule makes its destination a replica, whether it names the
# bucket by ARN or by reference; the other buckets of the plan stay unjoined.
test_deny_replica_of_a_disabled_rule if {
	source := _bucket("customers", {"DataClassification": "confidential"})
	by_arn := fixtures.resource("aws_s3_bucket", "dr", {"bucket": "acme-dr", "arn": "arn:aws:s3:::acme-dr", "tags": {"DataClassification": "confidential"}})
	by_ref := _bucket("dr2", {"DataClassification": "confidential"})
	other := fixtures.resource("aws_s3_bucket", "dr3", {"bucket": "acme-dr3", "arn": "arn:aws:s3:::acme-dr3", "tags": {"DataClassification": "confidential"}})
	off := fixtures.with_refs(_replication("customers", "Disabled", source), {"rule.destination.bucket": ["aws_s3_bucket.dr2"]})
	inp := fixtures.plan([source, by_arn, by_ref, other, off])
	{f.resource | some f in check.deny} == {"aws_s3_bucket.customers", "aws_s3_bucket.dr", "aws_s3_bucket.dr2", "aws_s3_bucket.dr3"} with input as inp with data.tenet.params as _params
	on := fixtures.with_refs(_replication("customers", "Enabled", source), {"rule.destination.bucket": ["aws_s3_bucket.dr2"]})
	{f.resource | some f in check.deny} == {"aws_s3_bucket.dr3"} with input as fixtures.plan([source, by_arn, by_ref, other, on]) with data.tenet.params as _params
}

# Without the parameter, or with an empty list, the rule is off.
test_allow_rule_off if {
	b := _bucket("customers", {"DataClassification": "confidential"})
	check.deny == set() with input as fixtures.plan([b])
	check.deny == set() with input as fixtures.plan([b]) with data.tenet.params as {"s3_replication_data_classes": []}
	check.deny == set() with input as fixtures.plan([b]) with data.tenet.params as {"s3_replication_data_classes": ["confidential"], "data_class_tag": "Classification"}

	# An empty tag key falls back to the default.
	count(check.deny) == 1 with input as fixtures.plan([b]) with data.tenet.params as {"s3_replication_data_classes": ["confidential"], "data_class_tag": ""}
}

test_unknown_class_or_status if {
	tag := fixtures.from_local(fixtures.resource("aws_s3_bucket", "a", {"bucket": "acme-a", "tags": {}}), ["tags.DataClassification"])
	default_tag := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "b", {"bucket": "acme-b", "tags": {}}), ["tags_all.DataClassification"])
	source := _bucket("c", {"DataClassification": "confidential"})
	rule := fixtures.with_unknown(object.union(_replication("c", "Enabled", source), {"values": {"rule": null}}), ["rule"])
	inline := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "d", {"bucket": "acme-d", "tags": {"DataClassification": "confidential"}, "replication_configuration": [{"role": "r", "rules": [{"id": "a", "destination": [{"bucket": "arn:aws:s3:::x"}]}]}]}), ["replication_configuration.0.rules.0.status"])
	inp := fixtures.plan([tag, default_tag, source, rule, inline])
	check.deny == set() with input as inp with data.tenet.params as _params
	check.unknown == {
		{"msg": "the bucket's DataClassification tag is unknown until apply", "resource": "aws_s3_bucket.a", "attribute": "tags.DataClassification"},
		{"msg": "the bucket's DataClassification tag is unknown until apply", "resource": "aws_s3_bucket.b", "attribute": "tags.DataClassification"},
		{"msg": `the bucket is tagged DataClassification = "confidential"; whether it replicates is not known: the rule status of aws_s3_bucket_replication_configuration.c is unknown until apply`, "resource": "aws_s3_bucket.c"},
		{"msg": `the bucket is tagged DataClassification = "confidential"; whether it replicates is not known: the status of the inline replication rules is unknown until apply`, "resource": "aws_s3_bucket.d"},
	} with input as inp with data.tenet.params as _params
}

package tenet.lib.terraform_test

import rego.v1

import data.tenet.lib.fixtures
import data.tenet.lib.terraform

_bucket := fixtures.resource("aws_s3_bucket", "logs", {
	"bucket": "acme-logs",
	"tags": {"env": "prod", "team": "a"},
	"tags_all": {"env": "dev", "owner": "ops"},
	"versioning": [{"enabled": true, "mfa_delete": null}],
})

test_resources_filters_type_mode_and_deleted if {
	inp := fixtures.plan([
		_bucket,
		fixtures.with_action(fixtures.resource("aws_s3_bucket", "old", {}), "delete"),
		fixtures.data_source("aws_s3_bucket", "shared", {}),
		fixtures.resource("aws_kms_key", "k", {}),
	])
	addrs := [r.address | some r in terraform.resources("aws_s3_bucket")] with input as inp
	addrs == ["aws_s3_bucket.logs"]
}

test_resources_keeps_input_order_and_state_no_op if {
	inp := fixtures.state([
		fixtures.resource("aws_s3_bucket", "b", {}),
		fixtures.resource("aws_s3_bucket", "a", {}),
	])
	addrs := [r.address | some r in terraform.resources("aws_s3_bucket")] with input as inp
	addrs == ["aws_s3_bucket.b", "aws_s3_bucket.a"]
}

test_resources_of_absent_type_is_empty if {
	terraform.resources("aws_s3_bucket") == [] with input as fixtures.plan([])
}

test_data_sources_of_type_only if {
	inp := fixtures.plan([
		fixtures.data_source("aws_iam_policy_document", "b", {}),
		fixtures.resource("aws_iam_policy_document", "managed", {}),
		fixtures.data_source("aws_s3_bucket", "shared", {}),
		fixtures.data_source("aws_iam_policy_document", "a", {}),
	])
	addrs := [d.address | some d in terraform.data_sources("aws_iam_policy_document")] with input as inp
	addrs == ["data.aws_iam_policy_document.b", "data.aws_iam_policy_document.a"]
}

test_data_sources_of_absent_type_is_empty if {
	terraform.data_sources("aws_iam_policy_document") == [] with input as fixtures.plan([_bucket])
}

test_unknown_matches_segment_wise if {
	r := {"unknown": ["arn", "versioning.0.enabled", "rule.0.apply_server_side_encryption_by_default.0.sse_algorithm"]}
	terraform.unknown(r, "versioning")
	terraform.unknown(r, "versioning.0")
	terraform.unknown(r, "versioning.0.enabled")
	terraform.unknown(r, "versioning.enabled")
	terraform.unknown(r, "arn")
	terraform.unknown(r, "rule.apply_server_side_encryption_by_default.sse_algorithm")
	not terraform.unknown(r, "vers")
	not terraform.unknown(r, "versioning.1.enabled")
	not terraform.unknown(r, "versioning.0.mfa_delete")
	not terraform.unknown(r, "id")
}

test_unknown_child_of_unknown_block if {
	r := {"unknown": ["versioning"]}
	terraform.unknown(r, "versioning.0.enabled")
	terraform.unknown(r, "versioning.enabled")
	not terraform.unknown(r, "logging")
}

test_unknown_without_unknown_list if {
	not terraform.unknown({"values": {}}, "versioning")
	not terraform.unknown({"values": {}, "unknown": []}, "versioning")
}

# A name that only starts like the path's first segment passes the
# prefix test that drops most resources, and must still not match.
test_unknown_longer_name_is_another_attribute if {
	r := {"unknown": ["versioning_configuration", "id"]}
	not terraform.unknown(r, "versioning")
	not terraform.unknown(r, "versioning.0.enabled")
	terraform.unknown(r, "versioning_configuration.0.status")
}

test_any_unknown if {
	r := {"unknown": ["policy"]}
	terraform.any_unknown(r, ["name", "policy"])
	not terraform.any_unknown(r, ["name", "arn"])
}

test_get_reads_nested_paths if {
	terraform.get(_bucket, "bucket", "") == "acme-logs"
	terraform.get(_bucket, "versioning.0.enabled", false) == true
	terraform.get(_bucket, "tags.env", "") == "prod"
}

test_get_falls_back_on_missing_and_null if {
	terraform.get(_bucket, "versioning.0.mfa_delete", "none") == "none"
	terraform.get(_bucket, "versioning.3.enabled", "none") == "none"
	terraform.get(_bucket, "logging.0.target_bucket", "none") == "none"
	terraform.get(_bucket, "bucket.x", "none") == "none"
}

test_is_true if {
	terraform.is_true(_bucket, "versioning.0.enabled")
	not terraform.is_true(_bucket, "versioning.0.mfa_delete")
	not terraform.is_true(_bucket, "bucket")
}

test_present if {
	r := fixtures.with_unknown(fixtures.resource("aws_db_instance", "r", {"a": "x", "b": null}), ["c"])
	terraform.present(r, "a")
	terraform.present(r, "c")
	not terraform.present(r, "b")
	not terraform.present(r, "d")
}

test_values_at_looks_through_block_lists if {
	r := fixtures.resource("aws_s3_bucket", "b", {"server_side_encryption_configuration": [{"rule": [
		{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": null}]},
		{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]},
	]}]})
	terraform.values_at(r, "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm") == {"aws:kms", "AES256"}
	terraform.values_at(r, "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id") == set()
	terraform.values_at(r, "nothing.here") == set()
}

test_values_at_returns_leaf_lists_whole if {
	r := fixtures.resource("aws_security_group", "sg", {"ingress": [{"cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}]})
	terraform.values_at(r, "ingress.cidr_blocks") == {["10.0.0.0/8", "0.0.0.0/0"]}
}

test_tags_merges_tags_over_tags_all if {
	terraform.tags(_bucket) == {"env": "prod", "team": "a", "owner": "ops"}
}

test_tags_empty_when_none_or_null if {
	terraform.tags(fixtures.resource("aws_s3_bucket", "b", {})) == {}
	terraform.tags(fixtures.resource("aws_s3_bucket", "b", {"tags": null, "tags_all": null})) == {}
}

_enc(name, values) := fixtures.resource("aws_s3_bucket_server_side_encryption_configuration", name, values)

test_referencing_by_refs if {
	b := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"}), ["id", "arn"])
	e := fixtures.points_at(_enc("logs", {}), "bucket", b)
	other := fixtures.resource("aws_s3_bucket", "other", {"bucket": "other"})
	inp := fixtures.plan([b, other, e])
	[x.address | some x in terraform.referencing(b, "aws_s3_bucket_server_side_encryption_configuration", "bucket")] == ["aws_s3_bucket_server_side_encryption_configuration.logs"] with input as inp
	terraform.referencing(other, "aws_s3_bucket_server_side_encryption_configuration", "bucket") == [] with input as inp
}

test_referenced_is_the_reverse_join if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})
	e := fixtures.points_at(_enc("logs", {}), "bucket", b)
	inp := fixtures.plan([b, e])
	[x.address | some x in terraform.referenced(e, "aws_s3_bucket", "bucket")] == ["aws_s3_bucket.logs"] with input as inp
}

test_referencing_by_value_in_state if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "id": "acme-logs"})
	e := _enc("logs", {"bucket": "acme-logs"})
	e2 := _enc("other", {"bucket": "other-bucket"})
	inp := fixtures.state([b, e, e2])
	[x.address | some x in terraform.referencing(b, "aws_s3_bucket_server_side_encryption_configuration", "bucket")] == ["aws_s3_bucket_server_side_encryption_configuration.logs"] with input as inp
}

# An empty identity is no identity: a configuration with an empty bucket
# attribute does not join a bucket whose name is empty too.
test_referencing_not_by_empty_value if {
	b := fixtures.resource("aws_s3_bucket", "unnamed", {"bucket": "", "id": ""})
	e := _enc("empty", {"bucket": ""})
	inp := fixtures.state([b, e])
	terraform.referencing(b, "aws_s3_bucket_server_side_encryption_configuration", "bucket") == [] with input as inp
	terraform.referenced(e, "aws_s3_bucket", "bucket") == [] with input as inp
}

test_referencing_by_name_and_arn if {
	k := fixtures.resource("aws_kms_key", "k", {"arn": "arn:aws:kms:eu-west-1:1:key/x"})
	a := fixtures.resource("aws_kms_alias", "a", {"target_key_id": "arn:aws:kms:eu-west-1:1:key/x"})
	inp := fixtures.state([k, a])
	[x.address | some x in terraform.referencing(k, "aws_kms_alias", "target_key_id")] == ["aws_kms_alias.a"] with input as inp
}

test_referencing_count_instances_by_known_value if {
	base := fixtures.resource("aws_s3_bucket", "this", {})
	b0 := fixtures.with_index(fixtures.patch(base, {"values": {"bucket": "b-0", "id": "b-0"}}), 0)
	b1 := fixtures.with_index(fixtures.patch(base, {"values": {"bucket": "b-1", "id": "b-1"}}), 1)
	e := fixtures.with_refs(
		fixtures.with_index(_enc("this", {"bucket": "b-1"}), 1),
		{"bucket": ["aws_s3_bucket.this"]},
	)
	inp := fixtures.plan([b0, b1, e])
	terraform.referencing(b0, "aws_s3_bucket_server_side_encryption_configuration", "bucket") == [] with input as inp
	[x.address | some x in terraform.referencing(b1, "aws_s3_bucket_server_side_encryption_configuration", "bucket")] == ["aws_s3_bucket_server_side_encryption_configuration.this[1]"] with input as inp
}

test_referencing_skips_deleted if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})
	e := fixtures.with_action(fixtures.points_at(_enc("logs", {}), "bucket", b), "delete")
	terraform.referencing(b, "aws_s3_bucket_server_side_encryption_configuration", "bucket") == [] with input as fixtures.plan([b, e])
}

test_referenced_by_value_in_state if {
	snap := fixtures.resource("aws_ebs_snapshot", "base", {"id": "snap-1"})
	other := fixtures.resource("aws_ebs_snapshot", "other", {"id": "snap-2"})
	v := fixtures.resource("aws_ebs_volume", "v", {"snapshot_id": "snap-1"})
	inp := fixtures.state([snap, other, v])
	[x.address | some x in terraform.referenced(v, "aws_ebs_snapshot", "snapshot_id")] == ["aws_ebs_snapshot.base"] with input as inp
	terraform.referenced(v, "aws_ebs_volume", "snapshot_id") == [] with input as inp
}

test_referenced_skips_contradicted_instances if {
	s0 := fixtures.with_index(fixtures.resource("aws_ebs_snapshot", "s", {"id": "snap-0"}), 0)
	s1 := fixtures.with_index(fixtures.resource("aws_ebs_snapshot", "s", {"id": "snap-1"}), 1)
	v := fixtures.with_refs(fixtures.resource("aws_ebs_volume", "v", {"snapshot_id": "snap-1"}), {"snapshot_id": ["aws_ebs_snapshot.s"]})
	[x.address | some x in terraform.referenced(v, "aws_ebs_snapshot", "snapshot_id")] == ["aws_ebs_snapshot.s[1]"] with input as fixtures.plan([s0, s1, v])
}

test_referencing_ignores_values_that_name_no_resource if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})
	e := _enc("logs", {"bucket": "acme-other"})
	terraform.referencing(b, "aws_s3_bucket_server_side_encryption_configuration", "bucket") == [] with input as fixtures.state([b, e])
}

test_unknown_within_ignores_enclosing_blocks if {
	r := {"unknown": ["settings", "network.0.ip.1"]}
	not terraform.unknown_within(r, "settings.0.tier")
	terraform.unknown(r, "settings.0.tier")
	terraform.unknown_within(r, "network.0")
	terraform.unknown_within(r, "network.0.ip.1")
	not terraform.unknown_within(r, "network.0.ip.0")
	not terraform.unknown_within(r, "net")
}

test_unknown_paths if {
	terraform.unknown_paths({"unknown": ["a"]}) == ["a"]
	terraform.unknown_paths({}) == []
}

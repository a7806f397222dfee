package tenet.aws.efs.backup_test

import rego.v1

import data.tenet.aws.efs.backup as check
import data.tenet.lib.fixtures

_fs := fixtures.with_unknown(fixtures.resource("aws_efs_file_system", "data", {"encrypted": true, "tags": {"backup": "daily"}}), ["arn", "id"])

_policy(status) := fixtures.points_at(fixtures.resource("aws_efs_backup_policy", "data", {"backup_policy": [{"status": status}]}), "file_system_id", _fs)

_msg := "the file system is in no backup: no aws_efs_backup_policy is ENABLED for it and no aws_backup_selection selects it"

test_deny_without_backup if {
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.data"}} with input as fixtures.plan([_fs])
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.data"}} with input as fixtures.plan([_fs, _policy("DISABLED")])

	# A selection of other resources, or of another tag value.
	other := fixtures.resource("aws_backup_selection", "db", {"name": "db", "resources": ["arn:aws:rds:us-east-1:1:db:main"], "selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "weekly"}], "condition": [{"string_equals": [], "string_like": []}]})
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.data"}} with input as fixtures.plan([_fs, other])
}

test_allow_backed_up if {
	check.deny == set() with input as fixtures.plan([_fs, _policy("ENABLED")])
	by_ref := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_backup_selection", "efs", {"name": "efs"}), ["resources"]), {"resources": ["aws_efs_file_system.data"]})
	check.deny == set() with input as fixtures.plan([_fs, by_ref])
	wildcard := fixtures.resource("aws_backup_selection", "all", {"resources": ["arn:aws:elasticfilesystem:*:*:file-system/*"]})
	check.deny == set() with input as fixtures.plan([_fs, wildcard])
	by_tag := fixtures.resource("aws_backup_selection", "tagged", {"resources": [], "selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}]})
	inp := fixtures.plan([_fs, by_tag])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	fs := fixtures.resource("aws_efs_file_system", "data", {"arn": "arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"})
	by_arn := fixtures.resource("aws_backup_selection", "efs", {"resources": ["arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"]})
	check.deny == set() with input as fixtures.state([fs, by_arn])
}

test_unknown_evidence if {
	status := fixtures.with_unknown(object.union(_policy("ENABLED"), {"values": {"backup_policy": [{"status": null}]}}), ["backup_policy.0.status"])
	resources := fixtures.from_local(fixtures.resource("aws_backup_selection", "efs", {"name": "efs"}), ["resources"])
	conditions := fixtures.resource("aws_backup_selection", "cond", {"resources": [], "condition": [{"string_equals": [{"key": "aws:ResourceTag/backup", "value": "daily"}]}]})
	inp := fixtures.plan([_fs, status, resources, conditions])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "whether the file system is backed up is not known: aws_backup_selection.cond selects by conditions; the resources of aws_backup_selection.efs are unknown until apply; the status of aws_efs_backup_policy.data is unknown until apply", "resource": "aws_efs_file_system.data"}} with input as inp
}

test_cloudformation_file_system_judged if {
	# A template's file system (no provider) is judged as a plan's.
	fs := object.remove(fixtures.resource("aws_efs_file_system", "Data", {"encrypted": true}), {"provider"})
	inp := fixtures.plan([fs])
	{f.resource | some f in check.deny} == {"aws_efs_file_system.Data"} with input as inp
	check.unknown == set() with input as inp
}

test_deny_excluded_by_not_resources if {
	wildcard := fixtures.resource("aws_backup_selection", "all", {"resources": ["*"], "not_resources": []})
	excluded := fixtures.with_refs(fixtures.with_unknown(wildcard, ["not_resources"]), {"not_resources": ["aws_efs_file_system.data"]})
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.data"}} with input as fixtures.plan([_fs, excluded])
	check.deny == set() with input as fixtures.plan([_fs, wildcard])
}

test_unknown_not_resources if {
	wildcard := fixtures.resource("aws_backup_selection", "all", {"resources": ["*"]})
	inp := fixtures.plan([_fs, fixtures.from_local(wildcard, ["not_resources"])])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"whether the file system is backed up is not known: the excluded resources of aws_backup_selection.all are unknown until apply"} with input as inp
}

# Selections are looked up per file system by reference, ARN, tag and
# wildcard: each finds the file systems it selects, and only those.
_other := fixtures.with_unknown(fixtures.resource("aws_efs_file_system", "other", {"encrypted": true}), ["arn", "id"])

test_selection_selects_only_its_file_system if {
	by_ref := fixtures.with_refs(fixtures.resource("aws_backup_selection", "efs", {"name": "efs", "resources": []}), {"resources": ["aws_efs_file_system.data"]})
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.other"}} with input as fixtures.plan([_fs, _other, by_ref])

	# By tag, in any case of the type, and from the provider's default tags.
	by_tag := fixtures.resource("aws_backup_selection", "tagged", {"resources": [], "selection_tag": [{"type": "StringEquals", "key": "backup", "value": "daily"}]})
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.other"}} with input as fixtures.plan([_fs, _other, by_tag])
	default_tags := fixtures.patch(_other, {"values": {"tags_all": {"backup": "daily"}}})
	check.deny == set() with input as fixtures.plan([_fs, default_tags, by_tag])

	# By ARN, in state.
	a := fixtures.resource("aws_efs_file_system", "a", {"arn": "arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"})
	b := fixtures.resource("aws_efs_file_system", "b", {"arn": "arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-2"})
	by_arn := fixtures.resource("aws_backup_selection", "efs", {"resources": ["arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"]})
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.b"}} with input as fixtures.state([a, b, by_arn])

	# A wildcard selects every file system.
	wildcard := fixtures.resource("aws_backup_selection", "all", {"resources": ["*"]})
	check.deny == set() with input as fixtures.plan([_fs, _other, by_ref, wildcard])
}

test_deny_selected_by_tag_excluded_by_reference if {
	by_tag := fixtures.resource("aws_backup_selection", "tagged", {"resources": [], "selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}], "not_resources": []})
	excluded := fixtures.with_refs(fixtures.with_unknown(by_tag, ["not_resources"]), {"not_resources": ["aws_efs_file_system.data"]})
	tagged_other := fixtures.patch(_other, {"values": {"tags": {"backup": "daily"}}})
	inp := fixtures.plan([_fs, tagged_other, excluded])
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.data"}} with input as inp
	check.unknown == set() with input as inp
}

# Exclusions unknown until apply leave unknown only the file systems that
# the selection selects.
test_unknown_not_resources_of_a_selection_of_another if {
	by_ref := fixtures.with_refs(fixtures.resource("aws_backup_selection", "efs", {"name": "efs", "resources": []}), {"resources": ["aws_efs_file_system.data"]})
	inp := fixtures.plan([_fs, _other, fixtures.from_local(by_ref, ["not_resources"])])
	check.deny == {{"msg": _msg, "resource": "aws_efs_file_system.other"}} with input as inp
	check.unknown == {{"msg": "whether the file system is backed up is not known: the excluded resources of aws_backup_selection.efs are unknown until apply", "resource": "aws_efs_file_system.data"}} with input as inp
}

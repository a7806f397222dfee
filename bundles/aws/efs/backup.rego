# METADATA
# title: EFS file systems are backed up
# description: >-
#   A file system without backups loses for good whatever a faulty release,
#   a deleted directory or ransomware removes from it. A file system passes
#   when an aws_efs_backup_policy for it has status ENABLED (the EFS daily
#   backup plan of AWS Backup), or when an aws_backup_selection selects it:
#   by reference or ARN in resources, by an ARN pattern that matches every
#   file system ("*", "arn:aws:elasticfilesystem:*:*:file-system/*"), or by
#   a STRINGEQUALS selection_tag that the file system carries. It fails
#   otherwise: file systems created through the API or Terraform have
#   automatic backups off. A status or selection unknown until apply, a
#   selection by conditions, and a CloudFormation file system (whose
#   BackupPolicy the template view does not carry) are reported unknown.
#   Security Hub control EFS.2.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_backup_policy
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_selection
#   - https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-2
# custom:
#   id: TNT-AWS-EFS-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_efs_file_system, aws_efs_backup_policy, aws_backup_selection]
#   controls:
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Add an aws_efs_backup_policy for the file system with backup_policy { status = "ENABLED" }, or select it in an AWS Backup plan (aws_backup_selection).
package tenet.aws.efs.backup

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(fs, "the file system is in no backup: no aws_efs_backup_policy is ENABLED for it and no aws_backup_selection selects it") if {
	some fs in terraform.resources("aws_efs_file_system")
	not _backed_up(fs)
	count(_pending(fs)) == 0
}

unknown contains result.unknown_msg(fs, "", sprintf("whether the file system is backed up is not known: %s", [concat("; ", sort(_pending(fs)))])) if {
	some fs in terraform.resources("aws_efs_file_system")
	not _backed_up(fs)
	count(_pending(fs)) > 0
}

_status := "backup_policy.0.status"

_backed_up(fs) if {
	some p in terraform.referencing(fs, "aws_efs_backup_policy", "file_system_id")
	terraform.get(p, _status, "") == "ENABLED"
}

# The candidates come one at a time (not as a set built first), so that
# the first selection that backs fs up ends the search: when many
# selections carry one tag, every file system with the tag has them all as
# candidates.
_backed_up(fs) if {
	some key in _keys(fs, false)
	some s in _by_key[key]
	_selects(s, fs)
	not _names(s, "not_resources", fs)
	not _exclusions_unknown(s)
}

_exclusions_unknown(s) if {
	terraform.unknown(s, "not_resources")
	count(object.get(object.get(s, "refs", {}), "not_resources", [])) == 0
}

_selects(s, fs) if _names(s, "resources", fs)

_selects(s, fs) if {
	some t in terraform.get(s, "selection_tag", [])
	upper(t.type) == "STRINGEQUALS"
	terraform.tags(fs)[t.key] == t.value
}

# _names(s, attr, fs): the list attr of selection s names fs, by reference
# or by an ARN pattern.
_names(s, attr, fs) if fs.config_address in object.get(object.get(s, "refs", {}), attr, [])

_names(s, attr, fs) if {
	some pattern in terraform.get(s, attr, [])
	_matches(pattern, fs)
}

_matches(pattern, fs) if pattern == terraform.get(fs, "arn", null)

_matches(pattern, _) if pattern in _wildcard_patterns

_pending(fs) := (({sprintf("the status of %s is unknown until apply", [p.address]) |
	some p in terraform.referencing(fs, "aws_efs_backup_policy", "file_system_id")
	terraform.unknown(p, _status)
} | _resources_unknown) | {sprintf("the excluded resources of %s are unknown until apply", [s.address]) |
	some key in _keys(fs, true)
	some s in _by_key[key]
	_selects(s, fs)
	_exclusions_unknown(s)
}) | _by_conditions

# The messages about selections that may select any file system are the
# same for every file system: complete rules, computed once per query
# rather than once per file system.
_resources_unknown := {sprintf("the resources of %s are unknown until apply", [s.address]) |
	some s in terraform.resources("aws_backup_selection")
	terraform.unknown(s, "resources")
	count(object.get(object.get(s, "refs", {}), "resources", [])) == 0
}

_by_conditions := {sprintf("%s selects by conditions", [s.address]) |
	some s in terraform.resources("aws_backup_selection")
	some c in terraform.get(s, "condition", [])
	_non_empty(c)
}

_non_empty(c) if {
	some _, v in c
	count(v) > 0
}

# Selections are looked up in an index built once per query: a scan of
# every selection per file system grows as file systems × selections.
# _keys(fs, excl) are the index keys under which the selections s that may
# select fs (_selects(s, fs)) are found, among those whose _exclusions_unknown
# is excl: a reference in resources (by the file system's config_address), a
# pattern in resources equal to the file system's arn (compared by value, as
# _matches compares), a pattern that matches every file system, and a
# STRINGEQUALS selection_tag (by [key, value], looked up with every tag of
# the file system: tags(fs)[t.key] == t.value holds exactly when one of them
# equals [t.key, t.value]). Callers still test _selects on each selection
# found.
_keys(fs, excl) := (({["ref", excl, a] | a := fs.config_address} | {["arn", excl, terraform.get(fs, "arn", null)]}) | {["tag", excl, k, v] |
	some k, v in terraform.tags(fs)
}) | {["all", excl]}

# [key, selection] edges, grouped by key in _by_key, each key inserted once
# (OPA rehashes a whole object when a comprehension inserts a key it holds
# already), as the join indexes of tenet.lib.terraform.
_edges := [[key, s] |
	some s in terraform.resources("aws_backup_selection")
	excl := _has_unknown_exclusions(s)
	some key in _selection_keys(s, excl)
]

_by_key := {k: ss |
	some k in {e[0] | some e in _edges}
	ss := [e[1] | some e in _edges; e[0] == k]
}

_has_unknown_exclusions(s) if {
	_exclusions_unknown(s)
} else := false

_selection_keys(s, excl) := (({["ref", excl, target] |
	some target in object.get(object.get(s, "refs", {}), "resources", [])
} | {["arn", excl, pattern] |
	some pattern in terraform.get(s, "resources", [])
}) | {["tag", excl, t.key, t.value] |
	some t in terraform.get(s, "selection_tag", [])
	upper(t.type) == "STRINGEQUALS"
}) | {["all", excl] |
	some pattern in terraform.get(s, "resources", [])
	pattern in _wildcard_patterns
}

# Patterns that match every file system (see _matches).
_wildcard_patterns := {"*", "arn:aws:elasticfilesystem:*:*:file-system/*"}

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

_backed_up(fs) if {
	some s in terraform.resources("aws_backup_selection")
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

_matches(pattern, _) if pattern in {"*", "arn:aws:elasticfilesystem:*:*:file-system/*"}

_pending(fs) := (({sprintf("the status of %s is unknown until apply", [p.address]) |
	some p in terraform.referencing(fs, "aws_efs_backup_policy", "file_system_id")
	terraform.unknown(p, _status)
} | {sprintf("the resources of %s are unknown until apply", [s.address]) |
	some s in terraform.resources("aws_backup_selection")
	terraform.unknown(s, "resources")
	count(object.get(object.get(s, "refs", {}), "resources", [])) == 0
}) | {sprintf("the excluded resources of %s are unknown until apply", [s.address]) |
	some s in terraform.resources("aws_backup_selection")
	_selects(s, fs)
	_exclusions_unknown(s)
}) | {sprintf("%s selects by conditions", [s.address]) |
	some s in terraform.resources("aws_backup_selection")
	some c in terraform.get(s, "condition", [])
	_non_empty(c)
}

_non_empty(c) if {
	some _, v in c
	count(v) > 0
}

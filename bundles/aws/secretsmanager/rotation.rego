# METADATA
# title: Secrets Manager secrets rotate automatically at least every 90 days
# description: >-
#   A secret that never changes stays valid wherever it has leaked: logs,
#   laptops, old containers. Automatic rotation bounds that exposure without
#   relying on someone remembering to do it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_rotation
# custom:
#   id: TNT-AWS-SM-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_secretsmanager_secret]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5", "IA-5(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.9", "8.6.3"]
#     hipaa: ["164.308(a)(4)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Add an aws_secretsmanager_secret_rotation for the secret with
#     rotation_rules automatically_after_days of 90 or less.
package tenet.aws.secretsmanager.rotation

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# 90 days is fixed until rules take parameters.
_max_days := 90

deny contains result.fail(s, sprintf("no rotation of %d days or less is configured for the secret", [_max_days])) if {
	some s in _unrotated
	count(_pending(s)) == 0
}

unknown contains result.unknown_via(s, r, "rotation_rules") if {
	some s in _unrotated
	some r in _pending(s)
}

_unrotated contains s if {
	some s in terraform.resources("aws_secretsmanager_secret")
	not _rotated(s)
}

# Rotations: the separate resource, and the provider v3/v4 inline
# rotation_lambda_arn with rotation_rules on the secret. From v4 on the
# inline attributes are computed: unknown in a plan they declare nothing
# unless the configuration sets them by reference
# (checkov-plan_with_deleted_resources-tfplan.json).
_rotations(s) := array.concat(
	terraform.referencing(s, "aws_secretsmanager_secret_rotation", "secret_id"),
	[s | _inline(s)],
)

_inline(s) if terraform.get(s, "rotation_lambda_arn", "") != ""

_inline(s) if s.refs.rotation_lambda_arn

_rotated(s) if {
	some r in _rotations(s)
	some rule in terraform.get(r, "rotation_rules", [])
	_frequent(rule)
}

_frequent(rule) if {
	days := rule.automatically_after_days
	is_number(days)
	days > 0
	days <= _max_days
}

# rate(N days) or rate(N hours); a cron() schedule runs at least monthly in
# practice and is accepted.
_frequent(rule) if {
	parts := regex.find_all_string_submatch_n(`^rate\((\d+) (hours?|days?)\)$`, object.get(rule, "schedule_expression", ""), 1)
	count(parts) == 1
	_days(to_number(parts[0][1]), parts[0][2]) <= _max_days
}

_frequent(rule) if startswith(object.get(rule, "schedule_expression", ""), "cron(")

_days(n, unit) := n if startswith(unit, "day")

_days(n, unit) := n / 24 if startswith(unit, "hour")

_pending(s) := {r |
	some r in _rotations(s)
	terraform.unknown(r, "rotation_rules")
}

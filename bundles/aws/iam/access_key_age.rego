# METADATA
# title: Active access keys are younger than 90 days
# description: >-
#   Long-lived keys pile up in scripts, CI settings and laptops, and each copy
#   is a way in. Rotating active keys at least every 90 days limits how long
#   a leaked one stays useful.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key#create_date
# custom:
#   id: TNT-AWS-IAM-012
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_access_key]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.14"]
#     cis-aws-1.5.0: ["1.14"]
#     nist-800-53-r5: ["AC-2", "IA-5"]
#     soc2-2017: ["CC6.1", "CC6.2"]
#     pci-dss-4.0: ["8.3.9", "8.6.3"]
#     hipaa: ["164.308(a)(4)(ii)(C)", "164.308(a)(5)(ii)(D)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Create a new access key, move its users to it, then deactivate and delete the old key.
package tenet.aws.iam.access_key_age

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The age is measured at evaluation time from create_date, which only keys
# that already exist carry (state, or unchanged keys in a plan); a key the
# plan creates is new. 90 days is fixed until rules take parameters.
_max_days := 90

_day_ns := ((24 * 60) * 60) * 1000000000

deny contains result.fail_attr(k, "create_date", sprintf("the active key was created %d days ago (more than %d)", [days, _max_days])) if {
	some k in terraform.resources("aws_iam_access_key")
	terraform.get(k, "status", "Active") == "Active"
	not terraform.unknown(k, "status")
	days := _age(k)
}

# An old key whose status is set through a local may be active.
unknown contains result.unknown(k, "status") if {
	some k in terraform.resources("aws_iam_access_key")
	terraform.unknown(k, "status")
	_age(k)
}

# _age(k) is the age in days of key k when it is more than the maximum.
# (create_date is computed: a key that a plan creates has none yet, and is
# new.)
_age(k) := days if {
	created := terraform.get(k, "create_date", null)
	is_string(created)
	days := floor((time.now_ns() - time.parse_rfc3339_ns(created)) / _day_ns)
	days > _max_days
}

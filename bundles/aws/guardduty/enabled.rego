# METADATA
# title: GuardDuty detectors are enabled, and enabled for organization members
# description: >-
#   GuardDuty watches CloudTrail, VPC flow and DNS logs for signs of
#   compromise such as credential misuse or crypto-mining. A disabled
#   detector, or an organization that does not enrol its accounts, leaves
#   those signs unseen.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector
# custom:
#   id: TNT-AWS-GD-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_guardduty_detector, aws_guardduty_organization_configuration]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CA-7", "SI-4"]
#     soc2-2017: ["CC7.1", "CC7.2"]
#     pci-dss-4.0: ["10.4.1", "11.5.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 33(1)"]
#   remediation: >-
#     Set enable = true on the detector, and auto_enable_organization_members
#     to ALL (or NEW) on the organization configuration.
package tenet.aws.guardduty.enabled

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The account-baseline half of rules.csv (no detector in a region in scope)
# needs the list of regions in scope, which an input does not carry: an
# input without these resources is not applicable.

# enable defaults to true.
deny contains result.fail_attr(d, "enable", "the GuardDuty detector is disabled (enable = false)") if {
	some d in terraform.resources("aws_guardduty_detector")
	terraform.get(d, "enable", true) == false
}

deny contains result.fail_attr(o, attr, msg) if {
	some o in terraform.resources("aws_guardduty_organization_configuration")
	some [attr, msg] in _org_gaps(o)
}

unknown contains result.unknown(d, "enable") if {
	some d in terraform.resources("aws_guardduty_detector")
	terraform.unknown(d, "enable")
}

# auto_enable (deprecated) and auto_enable_organization_members exclude each
# other; either one set to off fails.
_org_gaps(o) := {["auto_enable_organization_members", "auto_enable_organization_members is NONE: member accounts are not enrolled"] |
	terraform.get(o, "auto_enable_organization_members", "") == "NONE"
} | {["auto_enable", "auto_enable is false: new member accounts are not enrolled"] |
	terraform.get(o, "auto_enable", null) == false
	terraform.get(o, "auto_enable_organization_members", "") in {"", "NONE"}
	not terraform.unknown(o, "auto_enable_organization_members")
}

unknown contains result.unknown(o, "auto_enable_organization_members") if {
	some o in terraform.resources("aws_guardduty_organization_configuration")
	terraform.unknown(o, "auto_enable_organization_members")
}

unknown contains result.unknown(o, "auto_enable") if {
	some o in terraform.resources("aws_guardduty_organization_configuration")
	terraform.get(o, "auto_enable_organization_members", "") in {"", "NONE"}
	not terraform.unknown(o, "auto_enable_organization_members")
	terraform.unknown(o, "auto_enable")
}

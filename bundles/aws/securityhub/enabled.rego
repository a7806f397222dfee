# METADATA
# title: Security Hub is enabled, and enabled for new organization accounts
# description: >-
#   Security Hub gathers findings from GuardDuty, Config, Inspector and its
#   own checks in one place, per account and region. An organization that
#   does not enrol new accounts leaves them outside that view.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/securityhub_organization_configuration
# custom:
#   id: TNT-AWS-SH-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_securityhub_account, aws_securityhub_organization_configuration]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["4.16"]
#     cis-aws-1.5.0: ["4.16"]
#     nist-800-53-r5: ["CA-7", "SI-4"]
#     soc2-2017: ["CC7.1", "CC7.2"]
#     pci-dss-4.0: ["10.4.1", "11.5.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 33(1)"]
#   remediation: >-
#     Declare aws_securityhub_account, and set auto_enable = true (local
#     configuration) or use central configuration policies for the organization.
package tenet.aws.securityhub.enabled

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# An aws_securityhub_account enables Security Hub: it always passes. The
# "no account for a region in scope" half of rules.csv needs the regions in
# scope, which an input does not carry (not applicable when absent).
# Under central configuration auto_enable must be false (configuration
# policies enrol accounts), so only local configuration is judged.
deny contains result.fail_attr(o, "auto_enable", "auto_enable is false: new organization accounts do not get Security Hub") if {
	some o in terraform.resources("aws_securityhub_organization_configuration")
	terraform.get(o, "auto_enable", false) == false
	not terraform.unknown(o, "auto_enable")
	not "CENTRAL" in terraform.values_at(o, "organization_configuration.configuration_type")
	not terraform.unknown(o, "organization_configuration.configuration_type")
}

unknown contains result.unknown(o, attr) if {
	some o in terraform.resources("aws_securityhub_organization_configuration")
	some attr in ["auto_enable", "organization_configuration.configuration_type"]
	terraform.unknown(o, attr)
}

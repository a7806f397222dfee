# METADATA
# title: IAM Access Analyzer watches for resources shared outside the account
# description: >-
#   An external-access analyzer flags buckets, keys, roles and other
#   resources that a policy shares with another account or the public. Only
#   the ACCOUNT and ORGANIZATION analyzer types do that analysis.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/accessanalyzer_analyzer
# custom:
#   id: TNT-AWS-IAM-013
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_accessanalyzer_analyzer]
#   controls:
#     cis-aws-3.0.0: ["1.20"]
#     cis-aws-1.5.0: ["1.20"]
#     nist-800-53-r5: ["AC-6", "CA-7"]
#     soc2-2017: ["CC6.1", "CC7.1"]
#     pci-dss-4.0: ["7.2.4"]
#     hipaa: ["164.308(a)(1)(ii)(D)"]
#     gdpr: ["Art. 32(1)(d)"]
#   remediation: Declare an aws_accessanalyzer_analyzer with type ACCOUNT or ORGANIZATION in every region in use.
package tenet.aws.iam.access_analyzer

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Account/region-level rule: an input without analyzers is not applicable
# (the analyzer may live in another configuration). Where analyzers are
# declared, at least one must analyze external access; the unused-access
# types (ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS) do not.
_external := {"ACCOUNT", "ORGANIZATION"}

deny contains result.fail_attr(a, "type", sprintf("analyzer type %s does not report external access, and no analyzer here does", [type])) if {
	some a in terraform.resources("aws_accessanalyzer_analyzer")
	type := terraform.get(a, "type", "ACCOUNT")
	not type in _external
	not terraform.unknown(a, "type")
	not _external_analyzer
}

unknown contains result.unknown(a, "type") if {
	some a in terraform.resources("aws_accessanalyzer_analyzer")
	terraform.unknown(a, "type")
}

_external_analyzer if {
	some a in terraform.resources("aws_accessanalyzer_analyzer")
	terraform.get(a, "type", "ACCOUNT") in _external
	not terraform.unknown(a, "type")
}

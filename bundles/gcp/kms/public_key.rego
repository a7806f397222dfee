# METADATA
# title: Cloud KMS keys grant nothing to allUsers or allAuthenticatedUsers
# description: >-
#   A key role granted to allUsers or allAuthenticatedUsers lets anyone use or
#   manage the key, and so read whatever it protects. Key access belongs to
#   the few identities that encrypt and decrypt with it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_kms_crypto_key_iam
# custom:
#   id: TNT-GCP-KMS-002
#   severity: critical
#   controls:
#     cis-gcp-2.0.0: ["1.9"]
#     cis-gcp-3.0.0: ["1.9"]
#     nist-800-53-r5: ["AC-3", "AC-6", "SC-12"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["3.6.1", "7.2.1", "7.2.2"]
#     hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_binding, google_kms_crypto_key_iam_policy]
#     per_resource: true
#   remediation: Remove allUsers and allAuthenticatedUsers from the crypto key's IAM members.
package tenet.gcp.kms.public_key

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants %s on the key", [gcp.grant_text(g)])) if {
	some g in gcp.iam_grants("google_kms_crypto_key")
	g.member in gcp.public_members
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some g in gcp.iam_grants("google_kms_crypto_key")
	g.member == null
}

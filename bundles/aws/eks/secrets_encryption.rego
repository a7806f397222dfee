# METADATA
# title: EKS encrypts Kubernetes secrets with a KMS key
# description: >-
#   Envelope encryption with a KMS key protects Secret objects in etcd with a
#   key the account controls, audits and can revoke. Without it secrets rely
#   only on the storage encryption AWS manages.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#encryption_config
# custom:
#   id: TNT-AWS-EKS-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_eks_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Add encryption_config { resources = ["secrets"], provider { key_arn = aws_kms_key.<name>.arn } }.
package tenet.aws.eks.secrets_encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(c, "encryption_config", "no encryption_config covers \"secrets\" with a provider.key_arn") if {
	some c in terraform.resources("aws_eks_cluster")
	not _encrypted(c)
	not terraform.unknown(c, "encryption_config")
}

unknown contains result.unknown(c, "encryption_config") if {
	some c in terraform.resources("aws_eks_cluster")
	not _encrypted(c)
	terraform.unknown(c, "encryption_config")
}

# A key created in the same plan has an unknown ARN: it is still a key.
_encrypted(c) if {
	some i, config in terraform.get(c, "encryption_config", [])
	"secrets" in object.get(config, "resources", [])
	some j, _ in object.get(config, "provider", [])
	terraform.present(c, sprintf("encryption_config.%d.provider.%d.key_arn", [i, j]))
}

# METADATA
# title: EKS clusters run a Kubernetes version that AWS still supports
# description: >-
#   Once a Kubernetes minor version leaves support it receives no security
#   fixes, and AWS upgrades the control plane on its own schedule. Clusters
#   should be upgraded deliberately before that.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#version
# custom:
#   id: TNT-AWS-EKS-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_eks_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SA-22", "SI-2", "SI-2(2)"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     hipaa: ["164.308(a)(5)(ii)(A)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Upgrade the cluster (version) one minor version at a time to a supported release.
package tenet.aws.eks.supported_version

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# The oldest minor version in extended support in November 2026 (1.31,
# released September 2024, leaves extended support on 26 November 2026: move
# to 1.32 then). The catalog calls it parameterised; tenet has no rule
# parameters yet, so it is reviewed with each release of the bundle.
_oldest := [1, 31]

deny contains result.fail_attr(c, "version", sprintf("version %s is older than the oldest supported %d.%d", [version, _oldest[0], _oldest[1]])) if {
	some c in terraform.resources("aws_eks_cluster")
	version := terraform.get(c, "version", "")
	parts := regex.find_all_string_submatch_n(`^(\d+)\.(\d+)`, version, 1)[0]
	[to_number(parts[1]), to_number(parts[2])] < _oldest
}

# Left out, version is computed and AWS creates the latest default version.
unknown contains result.unknown(c, "version") if {
	some c in terraform.resources("aws_eks_cluster")
	compute.set_unknown(c, "version")
}

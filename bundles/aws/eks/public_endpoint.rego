# METADATA
# title: The EKS API endpoint is not open to the whole internet
# description: >-
#   A public Kubernetes API endpoint reachable from any address is exposed to
#   credential stuffing and to every future API server vulnerability. Make the
#   endpoint private, or allow only the networks that administer the cluster.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#vpc_config
# custom:
#   id: TNT-AWS-EKS-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_eks_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Set vpc_config.endpoint_public_access = false (with endpoint_private_access
#     = true), or list only administrative networks in public_access_cidrs.
package tenet.aws.eks.public_endpoint

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.network
import data.tenet.lib.result
import data.tenet.lib.terraform

_public := "vpc_config.0.endpoint_public_access"

_cidrs := "vpc_config.0.public_access_cidrs"

# endpoint_public_access defaults to true; public_access_cidrs is computed
# and defaults to 0.0.0.0/0 when left out.
deny contains result.fail_attr(c, "vpc_config.public_access_cidrs", msg) if {
	some c in _public_clusters
	not compute.set_unknown(c, _cidrs)
	cidrs := terraform.get(c, _cidrs, [])
	_open(cidrs)
	msg := sprintf("the public API endpoint admits %s", [_describe(cidrs)])
}

unknown contains result.unknown(c, "vpc_config.public_access_cidrs") if {
	some c in _public_clusters
	compute.set_unknown(c, _cidrs)
}

unknown contains result.unknown(c, "vpc_config.endpoint_public_access") if {
	some c in terraform.resources("aws_eks_cluster")
	terraform.unknown(c, _public)
}

_public_clusters contains c if {
	some c in terraform.resources("aws_eks_cluster")
	terraform.get(c, _public, true) == true
	not terraform.unknown(c, _public)
}

_open(cidrs) if count(cidrs) == 0

_open(cidrs) if {
	some cidr in cidrs
	network.public_cidr(cidr)
}

_describe(cidrs) := "every address (public_access_cidrs is not set)" if {
	count(cidrs) == 0
} else := "0.0.0.0/0 (public_access_cidrs)"

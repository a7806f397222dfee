# METADATA
# title: OpenSearch and Elasticsearch domains encrypt traffic between their nodes
# description: >-
#   Nodes of a domain exchange documents, queries and results as they index
#   and search; without node-to-node encryption that traffic crosses the VPC
#   in clear text. An aws_opensearch_domain or aws_elasticsearch_domain
#   fails unless node_to_node_encryption.enabled is true. Left out, the
#   domain is created without it. A value unknown until apply is reported
#   unknown. Security Hub controls Opensearch.3 and ES.3.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#node_to_node_encryption
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticsearch_domain#node_to_node_encryption
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-3
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/es-controls.html#es-3
# custom:
#   id: TNT-AWS-ES-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Add node_to_node_encryption { enabled = true } to the domain.
package tenet.aws.opensearch.node_to_node_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

_enabled := "node_to_node_encryption.0.enabled"

deny contains result.fail_attr(d, "node_to_node_encryption.enabled", "node_to_node_encryption.enabled is not true: traffic between nodes is not encrypted") if {
	some type in _types
	some d in terraform.resources(type)
	not terraform.is_true(d, _enabled)
	not compute.set_unknown(d, _enabled)
}

unknown contains result.unknown(d, "node_to_node_encryption.enabled") if {
	some type in _types
	some d in terraform.resources(type)
	compute.set_unknown(d, _enabled)
}

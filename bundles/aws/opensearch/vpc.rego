# METADATA
# title: OpenSearch and Elasticsearch domains run inside a VPC
# description: >-
#   A domain outside a VPC has a public endpoint that anyone on the internet
#   can reach, guarded only by its access policy; one mistake in that policy
#   exposes every index. Inside a VPC, security groups and routing keep the
#   endpoint private. An aws_opensearch_domain or aws_elasticsearch_domain
#   fails without a vpc_options block naming subnet_ids. The choice cannot
#   be changed after creation. A block written through a dynamic block that
#   the plan does not know yet is reported unknown. Security Hub controls
#   Opensearch.2 and ES.2.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#vpc_options
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-2
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/es-controls.html#es-2
# custom:
#   id: TNT-AWS-ES-004
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Create the domain with vpc_options { subnet_ids = [...], security_group_ids = [...] } in private subnets.
package tenet.aws.opensearch.vpc

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

deny contains result.fail_attr(d, "vpc_options", "the domain has no vpc_options: its endpoint is public") if {
	some type in _types
	some d in terraform.resources(type)
	not _in_vpc(d)
	not compute.set_unknown(d, "vpc_options")
}

unknown contains result.unknown(d, "vpc_options") if {
	some type in _types
	some d in terraform.resources(type)
	not _in_vpc(d)
	compute.set_unknown(d, "vpc_options")
}

_in_vpc(d) if count(terraform.get(d, "vpc_options.0.subnet_ids", [])) > 0

_in_vpc(d) if terraform.unknown_within(d, "vpc_options.0.subnet_ids")

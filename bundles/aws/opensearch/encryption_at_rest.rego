# METADATA
# title: OpenSearch and Elasticsearch domains encrypt data at rest
# description: >-
#   Indexes, logs and automated snapshots of a domain hold copies of the
#   data searched; unencrypted, they are readable by whoever obtains the
#   underlying storage. An aws_opensearch_domain or aws_elasticsearch_domain
#   fails unless encrypt_at_rest.enabled is true. Left out, the domain is
#   created unencrypted (Elasticsearch before 5.1 cannot encrypt at all). A
#   value unknown until apply is reported unknown. Security Hub controls
#   Opensearch.1 and ES.1.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#encrypt_at_rest
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticsearch_domain#encrypt_at_rest
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-1
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/es-controls.html#es-1
# custom:
#   id: TNT-AWS-ES-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Add encrypt_at_rest { enabled = true } (optionally with kms_key_id) to the domain.
package tenet.aws.opensearch.encryption_at_rest

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

_enabled := "encrypt_at_rest.0.enabled"

deny contains result.fail_attr(d, "encrypt_at_rest.enabled", "encrypt_at_rest.enabled is not true: data at rest is not encrypted") if {
	some type in _types
	some d in terraform.resources(type)
	not terraform.is_true(d, _enabled)
	not compute.set_unknown(d, _enabled)
}

unknown contains result.unknown(d, "encrypt_at_rest.enabled") if {
	some type in _types
	some d in terraform.resources(type)
	compute.set_unknown(d, _enabled)
}

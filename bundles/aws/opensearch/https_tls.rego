# METADATA
# title: OpenSearch and Elasticsearch domains accept only HTTPS with TLS 1.2 or later
# description: >-
#   A domain endpoint that accepts plain HTTP, or TLS 1.0 and 1.1, lets
#   queries, documents and credentials be read or altered on the way. An
#   aws_opensearch_domain or aws_elasticsearch_domain fails when
#   domain_endpoint_options.enforce_https is false, when its
#   tls_security_policy is Policy-Min-TLS-1-0-2019-07, or when the plan
#   shows the domain_endpoint_options block left out (the domain is then
#   created without HTTPS enforced). A TLS policy left to the service in a
#   plan, whose default AWS does not document, and values unknown until
#   apply are reported unknown. Security Hub controls Opensearch.8 and
#   ES.8.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#domain_endpoint_options
#   - https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/es-controls.html#es-8
# custom:
#   id: TNT-AWS-ES-003
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
#   remediation: Add domain_endpoint_options { enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" } to the domain.
package tenet.aws.opensearch.https_tls

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

_block := "domain_endpoint_options"

_https := "domain_endpoint_options.0.enforce_https"

_policy := "domain_endpoint_options.0.tls_security_policy"

deny contains result.fail_attr(d, "domain_endpoint_options", "domain_endpoint_options is left out: the domain is created without HTTPS enforced") if {
	some d in _domains
	compute.unset(d, _block)
}

deny contains result.fail_attr(d, "domain_endpoint_options.enforce_https", "enforce_https is false: the endpoint accepts plain HTTP") if {
	some d in _domains
	terraform.get(d, _https, true) == false
}

deny contains result.fail_attr(d, "domain_endpoint_options.tls_security_policy", "tls_security_policy is Policy-Min-TLS-1-0-2019-07: clients may use TLS 1.0 and 1.1") if {
	some d in _domains
	terraform.get(d, _policy, "") == "Policy-Min-TLS-1-0-2019-07"
}

unknown contains result.unknown(d, "domain_endpoint_options") if {
	some d in _domains
	count(terraform.get(d, _block, [])) == 0
	compute.set_unknown(d, _block)
}

unknown contains result.unknown(d, "domain_endpoint_options.enforce_https") if {
	some d in _domains
	compute.set_unknown(d, _https)
	count(terraform.get(d, _block, [])) > 0
}

unknown contains result.unknown_msg(d, "domain_endpoint_options.tls_security_policy", msg) if {
	some d in _domains
	count(terraform.get(d, _block, [])) > 0
	terraform.unknown(d, _policy)
	msg := _policy_unknown(d)
}

_domains contains d if {
	some type in _types
	some d in terraform.resources(type)
}

_policy_unknown(d) := "tls_security_policy is left to the service, whose default AWS does not document: set it" if {
	compute.unset(d, _policy)
} else := "tls_security_policy is unknown until apply"

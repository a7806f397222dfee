package tenet.aws.opensearch.https_tls_test

import rego.v1

import data.tenet.aws.opensearch.https_tls as check
import data.tenet.lib.fixtures

_domain(type, options) := fixtures.resource(type, "search", {"domain_name": "search", "domain_endpoint_options": options})

test_deny_http_or_old_tls if {
	http := _domain("aws_opensearch_domain", [{"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}])
	check.deny == {{"msg": "enforce_https is false: the endpoint accepts plain HTTP", "resource": "aws_opensearch_domain.search", "attribute": "domain_endpoint_options.enforce_https"}} with input as fixtures.state([http])
	old := _domain("aws_elasticsearch_domain", [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}])
	check.deny == {{"msg": "tls_security_policy is Policy-Min-TLS-1-0-2019-07: clients may use TLS 1.0 and 1.1", "resource": "aws_elasticsearch_domain.search", "attribute": "domain_endpoint_options.tls_security_policy"}} with input as fixtures.state([old])
}

# checkov-plan-tfplan.json: the block is left to the provider.
test_deny_block_left_out if {
	d := fixtures.computed(fixtures.resource("aws_elasticsearch_domain", "legacy", {"domain_name": "legacy"}), ["domain_endpoint_options"])
	inp := fixtures.plan([d])
	check.deny == {{"msg": "domain_endpoint_options is left out: the domain is created without HTTPS enforced", "resource": "aws_elasticsearch_domain.legacy", "attribute": "domain_endpoint_options"}} with input as inp
	check.unknown == set() with input as inp
}

test_allow_https_tls12 if {
	inp := fixtures.state([
		_domain("aws_opensearch_domain", [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}]),
		fixtures.patch(_domain("aws_elasticsearch_domain", [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]), {"address": "aws_elasticsearch_domain.legacy"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_values if {
	# The block sets enforce_https only: the service picks the policy.
	policy := fixtures.with_unknown(fixtures.with_configured(_domain("aws_opensearch_domain", [{"enforce_https": true}]), ["domain_endpoint_options.enforce_https"]), ["domain_endpoint_options.0.tls_security_policy"])
	check.unknown == {{"msg": "tls_security_policy is left to the service, whose default AWS does not document: set it", "resource": "aws_opensearch_domain.search", "attribute": "domain_endpoint_options.tls_security_policy"}} with input as fixtures.plan([policy])
	check.deny == set() with input as fixtures.plan([policy])

	local := fixtures.from_local(_domain("aws_opensearch_domain", [{}]), ["domain_endpoint_options.0.enforce_https", "domain_endpoint_options.0.tls_security_policy"])
	check.unknown == {
		{"msg": "domain_endpoint_options.enforce_https is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "domain_endpoint_options.enforce_https"},
		{"msg": "tls_security_policy is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "domain_endpoint_options.tls_security_policy"},
	} with input as fixtures.plan([local])

	block := fixtures.from_local(fixtures.resource("aws_opensearch_domain", "search", {}), ["domain_endpoint_options"])
	check.unknown == {{"msg": "domain_endpoint_options is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "domain_endpoint_options"}} with input as fixtures.plan([block])
}

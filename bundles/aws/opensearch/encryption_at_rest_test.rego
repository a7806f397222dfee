package tenet.aws.opensearch.encryption_at_rest_test

import rego.v1

import data.tenet.aws.opensearch.encryption_at_rest as check
import data.tenet.lib.fixtures

_msg := "encrypt_at_rest.enabled is not true: data at rest is not encrypted"

test_deny_off_or_left_out if {
	off := fixtures.resource("aws_opensearch_domain", "search", {"domain_name": "search", "encrypt_at_rest": [{"enabled": false}]})

	# checkov-plan-tfplan.json: an Elasticsearch 2.3 domain that leaves the
	# block to the provider.
	left_out := fixtures.computed(fixtures.resource("aws_elasticsearch_domain", "legacy", {"domain_name": "legacy", "elasticsearch_version": "2.3"}), ["encrypt_at_rest"])
	check.deny == {
		{"msg": _msg, "resource": "aws_opensearch_domain.search", "attribute": "encrypt_at_rest.enabled"},
		{"msg": _msg, "resource": "aws_elasticsearch_domain.legacy", "attribute": "encrypt_at_rest.enabled"},
	} with input as fixtures.plan([off, left_out])
	count(check.deny) == 1 with input as fixtures.state([fixtures.resource("aws_opensearch_domain", "old", {"encrypt_at_rest": []})])
}

test_allow_on if {
	inp := fixtures.plan([
		fixtures.resource("aws_opensearch_domain", "search", {"encrypt_at_rest": [{"enabled": true}]}),
		fixtures.resource("aws_elasticsearch_domain", "legacy", {"encrypt_at_rest": [{"enabled": true}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_a_local if {
	d := fixtures.from_local(fixtures.resource("aws_opensearch_domain", "search", {"encrypt_at_rest": [{}]}), ["encrypt_at_rest.0.enabled"])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "encrypt_at_rest.enabled is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "encrypt_at_rest.enabled"}} with input as inp
}

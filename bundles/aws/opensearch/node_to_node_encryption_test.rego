package tenet.aws.opensearch.node_to_node_encryption_test

import rego.v1

import data.tenet.aws.opensearch.node_to_node_encryption as check
import data.tenet.lib.fixtures

_msg := "node_to_node_encryption.enabled is not true: traffic between nodes is not encrypted"

test_deny_off_or_left_out if {
	off := fixtures.resource("aws_opensearch_domain", "search", {"domain_name": "search", "node_to_node_encryption": [{"enabled": false}]})

	# checkov-plan-tfplan.json: an Elasticsearch 2.3 domain that leaves the
	# block to the provider.
	left_out := fixtures.computed(fixtures.resource("aws_elasticsearch_domain", "legacy", {"domain_name": "legacy", "elasticsearch_version": "2.3"}), ["node_to_node_encryption"])
	check.deny == {
		{"msg": _msg, "resource": "aws_opensearch_domain.search", "attribute": "node_to_node_encryption.enabled"},
		{"msg": _msg, "resource": "aws_elasticsearch_domain.legacy", "attribute": "node_to_node_encryption.enabled"},
	} with input as fixtures.plan([off, left_out])
	count(check.deny) == 1 with input as fixtures.state([fixtures.resource("aws_opensearch_domain", "old", {"node_to_node_encryption": []})])
}

test_allow_on if {
	inp := fixtures.plan([
		fixtures.resource("aws_opensearch_domain", "search", {"node_to_node_encryption": [{"enabled": true}]}),
		fixtures.resource("aws_elasticsearch_domain", "legacy", {"node_to_node_encryption": [{"enabled": true}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_a_local if {
	d := fixtures.from_local(fixtures.resource("aws_opensearch_domain", "search", {"node_to_node_encryption": [{}]}), ["node_to_node_encryption.0.enabled"])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "node_to_node_encryption.enabled is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "node_to_node_encryption.enabled"}} with input as inp
}

package tenet.aws.opensearch.vpc_test

import rego.v1

import data.tenet.aws.opensearch.vpc as check
import data.tenet.lib.fixtures

test_deny_public_domain if {
	d := fixtures.resource("aws_elasticsearch_domain", "legacy", {"domain_name": "legacy", "vpc_options": []})
	check.deny == {{"msg": "the domain has no vpc_options: its endpoint is public", "resource": "aws_elasticsearch_domain.legacy", "attribute": "vpc_options"}} with input as fixtures.plan([d])
}

test_allow_vpc if {
	known := fixtures.resource("aws_opensearch_domain", "search", {"vpc_options": [{"subnet_ids": ["subnet-1"], "security_group_ids": ["sg-1"]}]})
	created := fixtures.with_unknown(fixtures.resource("aws_opensearch_domain", "new", {"vpc_options": [{"security_group_ids": ["sg-1"]}]}), ["vpc_options.0.subnet_ids"])
	inp := fixtures.plan([known, created])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_block if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_opensearch_domain", "search", {}), ["vpc_options"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "vpc_options is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "vpc_options"}} with input as inp
}

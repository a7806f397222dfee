package tenet.aws.eks.secrets_encryption_test

import rego.v1

import data.tenet.aws.eks.secrets_encryption as check
import data.tenet.lib.fixtures

_cluster(configs) := fixtures.resource("aws_eks_cluster", "main", {"name": "main", "encryption_config": configs})

test_deny_without_encryption_config if {
	check.deny == {{
		"msg": "no encryption_config covers \"secrets\" with a provider.key_arn",
		"resource": "aws_eks_cluster.main",
		"attribute": "encryption_config",
	}} with input as fixtures.plan([_cluster([])])
}

test_deny_config_without_secrets if {
	c := _cluster([{"resources": ["configmaps"], "provider": [{"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abc"}]}])
	{f.resource | some f in check.deny} == {"aws_eks_cluster.main"} with input as fixtures.state([c])
}

test_allow_known_or_new_key if {
	known := _cluster([{"resources": ["secrets"], "provider": [{"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abc"}]}])
	new_key := fixtures.with_unknown(
		fixtures.patch(_cluster([{"resources": ["secrets"], "provider": [{}]}]), {"address": "aws_eks_cluster.b"}),
		["encryption_config.0.provider.0.key_arn"],
	)
	inp := fixtures.plan([known, new_key])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_dynamic_block if {
	c := fixtures.with_unknown(fixtures.resource("aws_eks_cluster", "main", {"name": "main"}), ["encryption_config"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_eks_cluster.main"} with input as inp
}

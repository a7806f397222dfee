package tenet.aws.eks.supported_version_test

import rego.v1

import data.tenet.aws.eks.supported_version as check
import data.tenet.lib.fixtures

_cluster(name, version) := fixtures.resource("aws_eks_cluster", name, {"name": name, "version": version})

test_deny_old_versions if {
	inp := fixtures.state([_cluster("a", "1.27"), _cluster("b", "1.30")])
	check.deny == {
		{"msg": "version 1.27 is older than the oldest supported 1.31", "resource": "aws_eks_cluster.a", "attribute": "version"},
		{"msg": "version 1.30 is older than the oldest supported 1.31", "resource": "aws_eks_cluster.b", "attribute": "version"},
	} with input as inp
}

test_allow_supported_or_default if {
	latest := fixtures.computed(fixtures.resource("aws_eks_cluster", "c", {"name": "c"}), ["version"])
	inp := fixtures.plan([_cluster("a", "1.31"), _cluster("b", "1.34"), latest])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_version_from_reference if {
	c := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_eks_cluster", "c", {"name": "c"}), ["version"]), {"version": ["data.aws_eks_cluster_versions.latest"]})
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_eks_cluster.c"} with input as inp
}

package tenet.aws.eks.control_plane_logging_test

import rego.v1

import data.tenet.aws.eks.control_plane_logging as check
import data.tenet.lib.fixtures

_cluster(types) := fixtures.resource("aws_eks_cluster", "main", {"name": "main", "enabled_cluster_log_types": types})

test_deny_partial_logging if {
	check.deny == {{
		"msg": "enabled_cluster_log_types lacks controllerManager, scheduler",
		"resource": "aws_eks_cluster.main",
		"attribute": "enabled_cluster_log_types",
	}} with input as fixtures.plan([_cluster(["api", "audit", "authenticator"])])
}

test_deny_no_logging if {
	{f.msg | some f in check.deny} == {"enabled_cluster_log_types lacks api, audit, authenticator, controllerManager, scheduler"} with input as fixtures.state([_cluster(null)])
}

test_allow_all_types if {
	check.deny == set() with input as fixtures.plan([_cluster(["scheduler", "api", "audit", "authenticator", "controllerManager"])])
}

test_unknown_types if {
	c := fixtures.with_unknown(fixtures.resource("aws_eks_cluster", "main", {"name": "main"}), ["enabled_cluster_log_types"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_eks_cluster.main"} with input as inp
}

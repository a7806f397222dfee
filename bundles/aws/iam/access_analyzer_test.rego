package tenet.aws.iam.access_analyzer_test

import rego.v1

import data.tenet.aws.iam.access_analyzer as check
import data.tenet.lib.fixtures

_analyzer(name, type) := fixtures.resource("aws_accessanalyzer_analyzer", name, {"analyzer_name": name, "type": type})

test_deny_unused_access_only if {
	check.deny == {{"msg": "analyzer type ACCOUNT_UNUSED_ACCESS does not report external access, and no analyzer here does", "resource": "aws_accessanalyzer_analyzer.unused", "attribute": "type"}} with input as fixtures.plan([_analyzer("unused", "ACCOUNT_UNUSED_ACCESS")])
}

test_allow_default_account_type if {
	a := fixtures.resource("aws_accessanalyzer_analyzer", "a", {"analyzer_name": "a"})
	check.deny == set() with input as fixtures.plan([a, _analyzer("unused", "ACCOUNT_UNUSED_ACCESS")])
}

test_allow_organization if {
	check.deny == set() with input as fixtures.state([_analyzer("org", "ORGANIZATION")])
}

test_unknown_type if {
	a := fixtures.with_unknown(fixtures.resource("aws_accessanalyzer_analyzer", "a", {}), ["type"])
	check.deny == set() with input as fixtures.plan([a])
	{f.resource | some f in check.unknown} == {"aws_accessanalyzer_analyzer.a"} with input as fixtures.plan([a])
}

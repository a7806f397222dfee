package tenet.aws.ecr.scan_on_push_test

import rego.v1

import data.tenet.aws.ecr.scan_on_push as check
import data.tenet.lib.fixtures

_repo(name, scan) := fixtures.resource("aws_ecr_repository", name, {"name": name, "image_scanning_configuration": [{"scan_on_push": scan}]})

_registry(filter, frequency) := fixtures.resource("aws_ecr_registry_scanning_configuration", "this", {"scan_type": "ENHANCED", "rule": [{
	"scan_frequency": frequency,
	"repository_filter": [{"filter": filter, "filter_type": "WILDCARD"}],
}]})

test_deny_without_scanning if {
	check.deny == {{
		"msg": "image_scanning_configuration.scan_on_push is not true and no registry scanning rule covers the repository",
		"resource": "aws_ecr_repository.app",
		"attribute": "image_scanning_configuration.scan_on_push",
	}} with input as fixtures.plan([_repo("app", false), _repo("team/api", true)])
}

test_deny_when_registry_rule_does_not_match if {
	inp := fixtures.state([_repo("app", false), _registry("team/*", "CONTINUOUS_SCAN"), fixtures.resource("aws_ecr_repository", "bare", {"name": "bare"})])
	{f.resource | some f in check.deny} == {"aws_ecr_repository.app", "aws_ecr_repository.bare"} with input as inp
}

test_deny_manual_registry_rule if {
	{f.resource | some f in check.deny} == {"aws_ecr_repository.app"} with input as fixtures.plan([_repo("app", false), _registry("*", "MANUAL")])
}

test_allow_repository_or_registry_scanning if {
	inp := fixtures.plan([_repo("app", true), _repo("team/api", false), _registry("team/*", "SCAN_ON_PUSH")])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_scan_on_push if {
	repo := fixtures.with_unknown(_repo("app", null), ["image_scanning_configuration.0.scan_on_push"])
	inp := fixtures.plan([repo])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_ecr_repository.app"} with input as inp
}

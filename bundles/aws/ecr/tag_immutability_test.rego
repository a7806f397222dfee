package tenet.aws.ecr.tag_immutability_test

import rego.v1

import data.tenet.aws.ecr.tag_immutability as check
import data.tenet.lib.fixtures

_repo(name, values) := fixtures.resource("aws_ecr_repository", name, object.union({"name": name}, values))

test_deny_mutable if {
	inp := fixtures.plan([_repo("a", {"image_tag_mutability": "MUTABLE"}), _repo("b", {})])
	check.deny == {
		{"msg": "image_tag_mutability is MUTABLE: tags can be overwritten", "resource": "aws_ecr_repository.a", "attribute": "image_tag_mutability"},
		{"msg": "image_tag_mutability is MUTABLE: tags can be overwritten", "resource": "aws_ecr_repository.b", "attribute": "image_tag_mutability"},
	} with input as inp
}

test_allow_immutable if {
	inp := fixtures.state([_repo("a", {"image_tag_mutability": "IMMUTABLE"}), _repo("b", {"image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"})])
	check.deny == set() with input as inp
}

test_unknown_mutability if {
	inp := fixtures.plan([fixtures.with_unknown(_repo("a", {}), ["image_tag_mutability"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_ecr_repository.a"} with input as inp
}

package tenet.aws.lambda.deprecated_runtime_test

import rego.v1

import data.tenet.aws.lambda.deprecated_runtime as check
import data.tenet.lib.fixtures

_function(name, values) := fixtures.resource("aws_lambda_function", name, object.union({"function_name": name}, values))

test_deny_old_runtimes if {
	inp := fixtures.plan([_function("a", {"runtime": "python3.8"}), _function("b", {"runtime": "nodejs16.x", "package_type": "Zip"})])
	check.deny == {
		{"msg": "runtime \"python3.8\" is deprecated", "resource": "aws_lambda_function.a", "attribute": "runtime"},
		{"msg": "runtime \"nodejs16.x\" is deprecated", "resource": "aws_lambda_function.b", "attribute": "runtime"},
	} with input as inp
}

test_allow_supported_and_images if {
	inp := fixtures.state([
		_function("a", {"runtime": "python3.13"}),
		_function("b", {"runtime": "java21"}),
		_function("c", {"package_type": "Image", "runtime": "go1.x"}),
	])
	check.deny == set() with input as inp
}

test_unknown_runtime if {
	fn := fixtures.with_unknown(_function("a", {}), ["runtime"])
	inp := fixtures.plan([fn])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_lambda_function.a"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_package_type_through_local if {
	f := fixtures.from_local(_function("old", {"runtime": "python3.8"}), ["package_type"])
	check.deny == set() with input as fixtures.plan([f])
	{x.attribute | some x in check.unknown} == {"package_type"} with input as fixtures.plan([f])
}

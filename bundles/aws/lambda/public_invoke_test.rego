package tenet.aws.lambda.public_invoke_test

import rego.v1

import data.tenet.aws.lambda.public_invoke as check
import data.tenet.lib.fixtures

_permission(name, values) := fixtures.resource("aws_lambda_permission", name, object.union({"action": "lambda:InvokeFunction", "function_name": "worker"}, values))

test_deny_wildcard_and_unscoped_service if {
	inp := fixtures.plan([
		_permission("any", {"principal": "*"}),
		_permission("s3", {"principal": "s3.amazonaws.com", "source_arn": null}),
	])
	check.deny == {
		{"msg": "principal is \"*\": any AWS account can invoke the function", "resource": "aws_lambda_permission.any", "attribute": "principal"},
		{"msg": "principal \"s3.amazonaws.com\" is allowed without source_arn, source_account or principal_org_id", "resource": "aws_lambda_permission.s3", "attribute": "principal"},
	} with input as inp
}

test_deny_open_function_url if {
	u := fixtures.resource("aws_lambda_function_url", "api", {"function_name": "worker", "authorization_type": "NONE"})
	check.deny == {{"msg": "authorization_type is NONE: the function URL is open to the internet", "resource": "aws_lambda_function_url.api", "attribute": "authorization_type"}} with input as fixtures.state([u])
}

test_allow_scoped_permissions_and_iam_url if {
	bucket_later := fixtures.with_unknown(_permission("s3", {"principal": "s3.amazonaws.com"}), ["source_arn"])
	inp := fixtures.plan([
		bucket_later,
		_permission("events", {"principal": "events.amazonaws.com", "source_arn": "arn:aws:events:eu-west-1:111122223333:rule/nightly"}),
		_permission("account", {"principal": "111122223333"}),
		fixtures.resource("aws_lambda_function_url", "api", {"authorization_type": "AWS_IAM"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_principal if {
	p := fixtures.with_unknown(_permission("x", {}), ["principal"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "principal is unknown until apply", "resource": "aws_lambda_permission.x", "attribute": "principal"}} with input as inp
}

test_unknown_function_url_authorization if {
	u := fixtures.with_unknown(fixtures.resource("aws_lambda_function_url", "api", {"function_name": "worker"}), ["authorization_type"])
	inp := fixtures.plan([u])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"authorization_type"} with input as inp
}

package tenet.aws.elb.deletion_protection_test

import rego.v1

import data.tenet.aws.elb.deletion_protection as check
import data.tenet.lib.fixtures

test_deny_unprotected if {
	lb := fixtures.resource("aws_lb", "web", {"enable_deletion_protection": false, "tags": {"Environment": "production"}})
	check.deny == {{"msg": "enable_deletion_protection is not true", "resource": "aws_lb.web", "attribute": "enable_deletion_protection"}} with input as fixtures.state([lb])
}

test_deny_untagged_default if {
	{f.resource | some f in check.deny} == {"aws_alb.web"} with input as fixtures.plan([fixtures.resource("aws_alb", "web", {})])
}

test_allow_protected_or_non_production if {
	a := fixtures.resource("aws_lb", "prod", {"enable_deletion_protection": true})
	b := fixtures.resource("aws_lb", "dev", {"enable_deletion_protection": false, "tags": {"env": "test"}})
	check.deny == set() with input as fixtures.plan([a, b])
}

test_unknown_flag if {
	lb := fixtures.with_unknown(fixtures.resource("aws_lb", "web", {}), ["enable_deletion_protection"])
	inp := fixtures.plan([lb])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_lb.web"} with input as inp
}

# An ALB tagged app_environment = sandbox was judged as production when only
# the keys env, environment and stage were read.
test_allow_sandbox_app_environment if {
	lb := fixtures.resource("aws_lb", "web", {"enable_deletion_protection": false, "tags": {"app_environment": "sandbox"}})
	check.deny == set() with input as fixtures.plan([lb])
}

test_deny_environment_owner_is_not_an_environment if {
	lb := fixtures.resource("aws_lb", "web", {"enable_deletion_protection": false, "tags": {"environment_owner": "test-team", "Environment": "Production"}})
	{f.resource | some f in check.deny} == {"aws_lb.web"} with input as fixtures.plan([lb])
}

package tenet.aws.securityhub.enabled_test

import rego.v1

import data.tenet.aws.securityhub.enabled as check
import data.tenet.lib.fixtures

test_deny_local_without_auto_enable if {
	o := fixtures.resource("aws_securityhub_organization_configuration", "org", {"auto_enable": false, "organization_configuration": [{"configuration_type": "LOCAL"}]})
	check.deny == {{"msg": "auto_enable is false: new organization accounts do not get Security Hub", "resource": "aws_securityhub_organization_configuration.org", "attribute": "auto_enable"}} with input as fixtures.plan([o])
}

test_allow_account_auto_enable_and_central if {
	inp := fixtures.state([
		fixtures.resource("aws_securityhub_account", "this", {"enable_default_standards": true}),
		fixtures.resource("aws_securityhub_organization_configuration", "a", {"auto_enable": true}),
		fixtures.resource("aws_securityhub_organization_configuration", "b", {"auto_enable": false, "organization_configuration": [{"configuration_type": "CENTRAL"}]}),
	])
	check.deny == set() with input as inp
}

test_unknown_auto_enable if {
	o := fixtures.with_unknown(fixtures.resource("aws_securityhub_organization_configuration", "org", {}), ["auto_enable"])
	check.deny == set() with input as fixtures.plan([o])
	{f.attribute | some f in check.unknown} == {"auto_enable"} with input as fixtures.plan([o])
}

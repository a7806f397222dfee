package tenet.aws.ec2.user_data_secrets_test

import rego.v1

import data.tenet.aws.ec2.user_data_secrets as check
import data.tenet.lib.fixtures

_script := "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"

test_deny_launch_template_base64 if {
	lt := fixtures.resource("aws_launch_template", "web", {"user_data": base64.encode(_script)})
	check.deny == {{
		"msg": "user_data contains an AWS access key id and an AWS secret access key",
		"resource": "aws_launch_template.web",
		"attribute": "user_data",
	}} with input as fixtures.plan([lt])
}

test_deny_private_key_in_instance_base64 if {
	i := fixtures.resource("aws_instance", "web", {"user_data_base64": base64.encode("cat > /root/key <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n")})
	check.deny == {{"msg": "user_data_base64 contains a private key", "resource": "aws_instance.web", "attribute": "user_data_base64"}} with input as fixtures.state([i])
}

test_allow_clean_or_hashed_user_data if {
	i := fixtures.resource("aws_instance", "web", {"user_data": "2b4a1d4b1b4c1e3c6d0b6f1b0b1c2d3e4f5a6b7c"})
	lc := fixtures.resource("aws_launch_configuration", "asg", {"user_data_base64": base64.encode("#!/bin/bash\nyum install -y nginx\n")})
	inp := fixtures.plan([i, lc])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_templated_user_data if {
	lt := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_launch_template", "web", {}), ["user_data"]), {"user_data": ["aws_db_instance.main"]})
	inp := fixtures.plan([lt])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "user_data is unknown until apply", "resource": "aws_launch_template.web", "attribute": "user_data"}} with input as inp
}

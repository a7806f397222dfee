package tenet.lib.compute_test

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.fixtures

test_launches if {
	inp := fixtures.plan([
		fixtures.resource("aws_instance", "a", {}),
		fixtures.resource("aws_launch_template", "b", {}),
		fixtures.resource("aws_s3_bucket", "c", {}),
		fixtures.with_action(fixtures.resource("aws_launch_configuration", "d", {}), "delete"),
	])
	[r.address | some r in compute.launches] == ["aws_instance.a", "aws_launch_template.b"] with input as inp
}

test_unset_and_set_unknown if {
	r := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_db_instance", "a", {}), ["multi_az", "kms_key_id"]), {"kms_key_id": ["aws_kms_key.k"]})
	compute.unset(r, "multi_az")
	not compute.set_unknown(r, "multi_az")
	compute.set_unknown(r, "kms_key_id")
	not compute.unset(r, "kms_key_id")
	not compute.unset(r, "engine")
	not compute.set_unknown(r, "engine")
}

test_text_decodes_base64 if {
	compute.text(base64.encode("#!/bin/bash\necho hi")) == "#!/bin/bash\necho hi"
	compute.text("#!/bin/bash\necho hi") == "#!/bin/bash\necho hi"
	compute.text("abcd") == "abcd"
	compute.text(null) == null
}

test_credentials if {
	compute.credentials("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE") == {"an AWS access key id"}
	compute.credentials("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == {"an AWS secret access key"}
	compute.credentials("-----BEGIN RSA PRIVATE KEY-----\nMIIE") == {"a private key"}
	compute.credentials("-----BEGIN OPENSSH PRIVATE KEY-----") == {"a private key"}
	compute.credentials("echo hello; yum install -y nginx") == set()
	compute.credentials(null) == set()
}

test_non_production if {
	compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {"Environment": "Staging"}}))
	compute.non_production(fixtures.resource("aws_lb", "a", {"tags": null, "tags_all": {"env": "dev"}}))
	not compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {"Environment": "prod"}}))
	not compute.non_production(fixtures.resource("aws_lb", "a", {}))
}

test_unset_nested_path if {
	r := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("aws_instance", "a", {"root_block_device": [{}], "ebs_block_device": [{}]}), ["root_block_device.0.encrypted", "ebs_block_device.0.encrypted"]),
		{"ebs_block_device.encrypted": ["var.x"]},
	)
	compute.unset(r, "root_block_device.0.encrypted")
	compute.set_unknown(r, "ebs_block_device.0.encrypted")
}

test_ebs_encrypted_by_default if {
	compute.ebs_encrypted_by_default with input as fixtures.plan([fixtures.resource("aws_ebs_encryption_by_default", "d", {"enabled": true})])
	not compute.ebs_encrypted_by_default with input as fixtures.plan([fixtures.resource("aws_ebs_encryption_by_default", "d", {"enabled": false})])
	not compute.ebs_encrypted_by_default with input as fixtures.plan([])
}

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
	r := fixtures.with_refs(fixtures.computed(fixtures.from_local(fixtures.resource("aws_db_instance", "a", {}), ["backup_retention_period"]), ["multi_az", "kms_key_id"]), {"kms_key_id": ["aws_kms_key.k"]})
	compute.unset(r, "multi_az")
	not compute.set_unknown(r, "multi_az")

	# A reference is not what counts: the expression is (kms_key_id has
	# refs, but the configuration shown does not set it: it is left out).
	compute.unset(r, "kms_key_id")

	# Set through a local: no reference, an expression.
	compute.set_unknown(r, "backup_retention_period")
	not compute.unset(r, "backup_retention_period")
	not compute.unset(r, "engine")
	not compute.set_unknown(r, "engine")
}

# Without the configuration (a plan without it, or a test resource without
# configured), nothing shows that an unknown attribute is left out.
test_unknown_without_configuration_is_set if {
	r := fixtures.with_unknown(fixtures.resource("aws_db_instance", "a", {}), ["multi_az"])
	not compute.unset(r, "multi_az")
	compute.set_unknown(r, "multi_az")
}

test_unset_through_blocks if {
	r := fixtures.computed(
		fixtures.with_configured(fixtures.resource("aws_instance", "a", {"root_block_device": [{}], "ebs_block_device": [{}], "capacity_reservation_specification": [{}]}), ["root_block_device.volume_size", "ebs_block_device.encrypted", "network_interface"]),
		["root_block_device.0.encrypted", "ebs_block_device.0.encrypted", "network_interface.0.device_index", "metadata_options", "tags", "capacity_reservation_specification.0.x"],
	)

	# The block is written without encrypted.
	compute.unset(r, "root_block_device.0.encrypted")

	# The attribute is written.
	compute.set_unknown(r, "ebs_block_device.0.encrypted")

	# An enclosing attribute is written (network_interface = local.nics).
	compute.set_unknown(r, "network_interface.0.device_index")

	# The enclosing block is wholly unknown and not written: left out.
	compute.unset(r, "metadata_options.0.http_tokens")

	# The plan knows the block, the configuration does not write it: a
	# dynamic block, whose attributes may be set.
	compute.set_unknown(r, "capacity_reservation_specification.0.x")

	# A top-level attribute that nothing sets.
	compute.unset(r, "tags")
}

test_unset_child_configured if {
	r := fixtures.computed(fixtures.with_configured(fixtures.resource("aws_instance", "a", {}), ["metadata_options.http_tokens"]), ["metadata_options"])
	compute.set_unknown(r, "metadata_options")
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

test_ebs_encrypted_by_default if {
	compute.ebs_encrypted_by_default with input as fixtures.plan([fixtures.resource("aws_ebs_encryption_by_default", "d", {"enabled": true})])
	not compute.ebs_encrypted_by_default with input as fixtures.plan([fixtures.resource("aws_ebs_encryption_by_default", "d", {"enabled": false})])
	not compute.ebs_encrypted_by_default with input as fixtures.plan([])
}

test_from_resource_and_presence_unknown if {
	r := fixtures.from_local(fixtures.points_at(fixtures.with_configured(fixtures.resource("aws_instance", "a", {}), []), "iam_instance_profile", fixtures.resource("aws_iam_instance_profile", "p", {})), ["user_data"])
	compute.from_resource(r, "iam_instance_profile")
	not compute.presence_unknown(r, "iam_instance_profile")
	compute.presence_unknown(r, "user_data")
	not compute.from_resource(r, "user_data")
	not compute.presence_unknown(fixtures.computed(r, ["arn"]), "arn")
}

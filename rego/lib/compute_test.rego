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
	compute.credentials("{{resolve:secretsmanager:db:SecretString:password}}") == {"a secret that CloudFormation resolves into plain text"}
	compute.credentials("{{resolve:ssm-secure:/app/token:1}}") == {"a secret that CloudFormation resolves into plain text"}
	compute.credentials("{{resolve:ssm:/app/region}}") == set()
	compute.credentials("echo hello; yum install -y nginx") == set()
	compute.credentials(null) == set()
}

test_non_production if {
	compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {"Environment": "Staging"}}))
	compute.non_production(fixtures.resource("aws_lb", "a", {"tags": null, "tags_all": {"env": "dev"}}))
	compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {"app_environment": "sandbox"}}))
	not compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {"Environment": "prod"}}))
	not compute.non_production(fixtures.resource("aws_lb", "a", {}))
	not compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {"environment_owner": "test-team"}}))
}

# Tag keys that name an environment: the key is, or ends in, env,
# environment, stage or tier (optionally followed by name or type), as words
# split at any other character than a letter or digit and at camelCase.
_environment_keys := [
	"env", "Env", "ENV", "environment", "Environment", "ENVIRONMENT", "stage", "Stage", "tier", "Tier",
	"app_environment", "App_Environment", "app-env", "team:env", "acme.stage", "cost.center/tier",
	"AppEnvironment", "deploymentStage", "APP_ENV", "environment_name", "EnvironmentName", "env-type",
	"app:env:name",
]

# Keys that merely contain such a word, or carry it in the middle.
_other_keys := [
	"aws:cloudformation:stack-name", "environment_owner", "EnvironmentOwner", "env:owner", "stage_id",
	"environments", "Name", "prevent", "envelope", "backstage", "frontier", "stagename", "development",
	"environment_name_prefix", "",
]

test_environment_keys if {
	every key in _environment_keys {
		compute.environment_key(key)
	}
	every key in _other_keys {
		not compute.environment_key(key)
	}
}

# Values that name a non-production environment: a word (split as keys are,
# trailing digits dropped) from the list, and no word naming production.
_non_production_values := [
	"dev", "Dev", "DEV", "develop", "development", "test", "Testing", "qa", "QA2", "uat", "sit", "demo",
	"sandbox", "staging", "Stage", "stg", "preprod", "pre-prod", "Pre_Production", "nonprod", "non-prod",
	"Non-Production", "dev-eu-1", "dev01", "team-a-sandbox", "us-east-1.staging", "feature/test",
	"myAppDev", "ephemeral", "preview", "lab", "poc",
]

# Values that name production or no environment at all, including words
# that merely contain a non-production word and values naming both.
_production_values := [
	"prod", "Production", "PRD", "live", "prod-eu-1", "production2", "latest", "contest", "devops",
	"development-prod", "prod-test", "protest", "attestation", "staged", "shared", "", "web", "backend",
]

test_non_production_values if {
	every value in _non_production_values {
		compute.non_production_value(value)
	}
	every value in _production_values {
		not compute.non_production_value(value)
	}
}

test_non_production_any_environment_key if {
	every key in _environment_keys {
		compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {key: "sandbox"}}))
	}
	every key in _other_keys {
		not compute.non_production(fixtures.resource("aws_lb", "a", {"tags": {key: "sandbox"}}))
	}
}

# Tags that disagree leave the resource judged as production, as does a tag
# value that is not a string.
test_non_production_conflicting_tags if {
	not compute.non_production(fixtures.resource("aws_db_instance", "a", {"tags": {"Environment": "dev", "stage": "prod"}}))
	not compute.non_production(fixtures.resource("aws_db_instance", "a", {"tags": {"env": "dev"}, "tags_all": {"env": "dev", "app_env": "production"}}))
	compute.non_production(fixtures.resource("aws_db_instance", "a", {"tags": {"env": "dev", "tier": "web"}}))
	not compute.non_production(fixtures.resource("aws_db_instance", "a", {"tags": {"env": null}}))
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

package tenet.aws.config.recorder_test

import rego.v1

import data.tenet.aws.config.recorder as check
import data.tenet.lib.fixtures

_recorder(group) := fixtures.resource("aws_config_configuration_recorder", "main", {"name": "main", "recording_group": [group]})

_status(r, enabled) := fixtures.with_refs(fixtures.resource("aws_config_configuration_recorder_status", "main", {"name": "main", "is_enabled": enabled}), {"name": [r.config_address]})

_channel := fixtures.resource("aws_config_delivery_channel", "main", {"name": "main", "s3_bucket_name": "config"})

_good := {"all_supported": true, "include_global_resource_types": true}

test_deny_partial_recording if {
	r := _recorder({"all_supported": false, "include_global_resource_types": true, "resource_types": ["AWS::S3::Bucket"]})
	check.deny == {{"msg": "recording_group.all_supported is false: only some resource types are recorded", "resource": "aws_config_configuration_recorder.main", "attribute": "recording_group.all_supported"}} with input as fixtures.plan([r, _status(r, true), _channel])
}

test_deny_not_started_and_no_channel if {
	r := _recorder(_good)
	check.deny == {
		{"msg": "no aws_config_configuration_recorder_status with is_enabled = true starts the recorder", "resource": "aws_config_configuration_recorder.main"},
		{"msg": "no aws_config_delivery_channel delivers the recorded configuration", "resource": "aws_config_configuration_recorder.main"},
	} with input as fixtures.plan([r, _status(r, false)])
}

test_allow_complete_in_state if {
	r := _recorder(_good)
	s := fixtures.resource("aws_config_configuration_recorder_status", "main", {"name": "main", "is_enabled": true})
	check.deny == set() with input as fixtures.state([r, s, _channel])
	check.warn == set() with input as fixtures.state([r, s, _channel])
}

test_allow_with_warning_without_global_types if {
	r := fixtures.resource("aws_config_configuration_recorder", "main", {"name": "main", "recording_group": []})
	inp := fixtures.plan([r, _status(r, true), _channel])
	check.deny == set() with input as inp
	{f.attribute | some f in check.warn} == {"recording_group.include_global_resource_types"} with input as inp
}

test_unknown_status if {
	r := _recorder(_good)
	s := fixtures.with_unknown(_status(r, null), ["is_enabled"])
	check.deny == set() with input as fixtures.plan([r, s, _channel])
	check.unknown == {{"msg": "is_enabled of aws_config_configuration_recorder_status.main is unknown until apply", "resource": "aws_config_configuration_recorder.main"}} with input as fixtures.plan([r, s, _channel])
}

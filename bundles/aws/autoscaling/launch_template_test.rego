package tenet.aws.autoscaling.launch_template_test

import rego.v1

import data.tenet.aws.autoscaling.launch_template as check
import data.tenet.lib.fixtures

_group(name, values) := fixtures.resource("aws_autoscaling_group", name, object.union({"max_size": 3, "min_size": 1, "launch_configuration": "", "launch_template": [], "mixed_instances_policy": []}, values))

test_deny_launch_configuration if {
	named := _group("named", {"launch_configuration": "web-lc"})

	# A launch configuration created in the same plan has no name yet.
	created := fixtures.points_at(fixtures.computed(_group("created", {}), ["launch_configuration"]), "launch_configuration", fixtures.resource("aws_launch_configuration", "web", {}))
	check.deny == {
		{"msg": "the group launches from a launch configuration", "resource": "aws_autoscaling_group.named", "attribute": "launch_configuration"},
		{"msg": "the group launches from a launch configuration", "resource": "aws_autoscaling_group.created", "attribute": "launch_configuration"},
	} with input as fixtures.plan([named, created])
}

# A template names a launch configuration by its logical id, which says
# nothing of its type: the join does.
test_deny_launch_configuration_by_logical_id if {
	lc := object.union(fixtures.resource("aws_launch_configuration", "LC", {}), {"address": "LC", "config_address": "LC"})
	g := fixtures.points_at(fixtures.computed(_group("web", {}), ["launch_configuration"]), "launch_configuration", lc)
	{f.resource | some f in check.deny} == {"aws_autoscaling_group.web"} with input as fixtures.plan([g, lc])

	# Without the launch configuration in the document, the name may be anything.
	check.deny == set() with input as fixtures.plan([g])
}

test_allow_launch_template if {
	direct := _group("direct", {"launch_template": [{"id": "lt-1", "version": "$Latest"}]})
	mixed := _group("mixed", {"mixed_instances_policy": [{"launch_template": [{"launch_template_specification": [{"launch_template_id": "lt-1"}]}]}]})
	unset := fixtures.resource("aws_autoscaling_group", "unset", {"max_size": 1, "min_size": 1, "launch_template": [{"name": "web"}]})
	check.deny == set() with input as fixtures.plan([direct, mixed, unset])
}

test_unknown_name_through_a_local if {
	g := fixtures.from_local(_group("web", {}), ["launch_configuration"])
	inp := fixtures.plan([g])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "launch_configuration is unknown until apply", "resource": "aws_autoscaling_group.web", "attribute": "launch_configuration"}} with input as inp

	# A template decides, whatever the name.
	both := fixtures.from_local(_group("both", {"launch_template": [{"name": "web"}]}), ["launch_configuration"])
	check.unknown == set() with input as fixtures.plan([both])
}

# A template wins over a launch configuration left in the configuration.
test_allow_template_beside_a_launch_configuration if {
	mixed := _group("mixed", {"launch_configuration": "old-lc", "mixed_instances_policy": [{"launch_template": [{"launch_template_specification": [{"launch_template_id": "lt-1"}]}]}]})
	later := fixtures.computed(_group("later", {"launch_configuration": "old-lc"}), ["launch_template"])
	inp := fixtures.plan([mixed, later])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

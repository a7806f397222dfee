package tenet.gcp.logging.sink_all_entries_test

import rego.v1

import data.tenet.gcp.logging.sink_all_entries as check
import data.tenet.lib.fixtures

_audit := fixtures.resource("google_project_iam_audit_config", "all", {"project": "prod", "service": "allServices"})

_sink(type, values) := fixtures.resource(type, "s", object.union({"name": "s", "destination": "storage.googleapis.com/logs"}, values))

test_deny_no_sink if {
	check.deny == {{
		"msg": `project "prod" has no enabled log sink without a filter`,
		"resource": "google_project_iam_audit_config.all",
	}} with input as fixtures.state([_audit])
}

test_deny_filtered_disabled_and_other_project_sinks if {
	inp := fixtures.state([
		_audit,
		_sink("google_logging_project_sink", {"filter": "severity>=ERROR"}),
		fixtures.resource("google_logging_project_sink", "off", {"disabled": true}),
		fixtures.resource("google_logging_project_sink", "dev", {"project": "dev"}),
		_sink("google_logging_folder_sink", {"include_children": false}),
	])
	{f.resource | some f in check.deny} == {"google_project_iam_audit_config.all"} with input as inp
}

test_allow_project_sink if {
	check.deny == set() with input as fixtures.state([_audit, _sink("google_logging_project_sink", {"filter": ""})])
}

test_allow_organization_sink_with_children if {
	check.deny == set() with input as fixtures.plan([_audit, _sink("google_logging_organization_sink", {"org_id": "1", "include_children": true})])
}

test_unknown_filter if {
	s := fixtures.from_local(_sink("google_logging_project_sink", {}), ["filter"])
	inp := fixtures.plan([_audit, s])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"filter"} with input as inp
}

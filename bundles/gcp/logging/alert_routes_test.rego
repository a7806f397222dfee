package tenet.gcp.logging.alert_routes_test

import rego.v1

import data.tenet.gcp.logging.alert_routes as check
import data.tenet.lib.fixtures

_audit := fixtures.resource("google_project_iam_audit_config", "all", {"project": "prod", "service": "allServices", "audit_log_config": [{"log_type": "ADMIN_READ"}]})

_metric := fixtures.resource("google_logging_metric", "m", {"name": "watch", "filter": "resource.type=\"gce_route\" AND (protoPayload.methodName:\"compute.routes.delete\" OR protoPayload.methodName:\"compute.routes.insert\")"})

_alert(filter) := fixtures.resource("google_monitoring_alert_policy", "a", {"display_name": "a", "combiner": "OR", "conditions": [{"display_name": "c", "condition_threshold": [{"filter": filter, "comparison": "COMPARISON_GT", "duration": "0s"}]}]})

_watch := `metric.type="logging.googleapis.com/user/watch" AND resource.type="global"`

test_deny_project_without_metric if {
	check.deny == {{
		"msg": "project \"prod\" has no log metric with an alert policy for VPC route changes",
		"resource": "google_project_iam_audit_config.all",
	}} with input as fixtures.state([_audit])
}

test_deny_metric_without_alert if {
	{f.resource | some f in check.deny} == {"google_project_iam_audit_config.all", "google_logging_metric.m"} with input as fixtures.state([_audit, _metric])
}

test_deny_disabled_alert if {
	a := fixtures.patch(_alert(_watch), {"values": {"enabled": false}})
	{f.resource | some f in check.deny} == {"google_project_iam_audit_config.all", "google_logging_metric.m"} with input as fixtures.state([_audit, _metric, a])
}

test_allow_full_chain if {
	inp := fixtures.state([_audit, _metric, _alert(_watch)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_alert_by_reference_in_plan if {
	a := fixtures.with_refs(fixtures.with_unknown(_alert(null), ["conditions.0.condition_threshold.0.filter"]), {"conditions.condition_threshold.filter": ["google_logging_metric.m"]})
	check.deny == set() with input as fixtures.plan([_audit, _metric, a])
}

test_allow_no_anchor_and_metric_in_other_project if {
	other := fixtures.patch(_metric, {"values": {"project": "dev"}})
	check.deny == {{
		"msg": "the log metric for VPC route changes has no enabled alert policy",
		"resource": "google_logging_metric.m",
		"attribute": "filter",
	}} with input as fixtures.state([other])
	{f.resource | some f in check.deny} == {"google_project_iam_audit_config.all", "google_logging_metric.m"} with input as fixtures.state([_audit, other])
}

test_unknown_metric_filter if {
	m := fixtures.from_local(fixtures.resource("google_logging_metric", "m", {"name": "watch"}), ["filter"])
	inp := fixtures.plan([_audit, m])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_logging_metric.m"} with input as inp
}

test_unknown_alert_conditions if {
	a := fixtures.from_local(fixtures.resource("google_monitoring_alert_policy", "a", {"display_name": "a"}), ["conditions"])
	inp := fixtures.plan([_audit, _metric, a])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_logging_metric.m"} with input as inp
}

package tenet.gcp.logging.audit_logs_test

import rego.v1

import data.tenet.gcp.logging.audit_logs as check
import data.tenet.lib.fixtures

_config(name, service, types) := fixtures.resource("google_project_iam_audit_config", name, {
	"project": "acme",
	"service": service,
	"audit_log_config": [{"log_type": t, "exempted_members": null} | some t in types],
})

test_deny_missing_data_read if {
	check.deny == {{
		"msg": `allServices audit config does not enable ["DATA_READ"]`,
		"resource": "google_project_iam_audit_config.all",
		"attribute": "audit_log_config",
	}} with input as fixtures.state([_config("all", "allServices", ["ADMIN_READ", "DATA_WRITE"])])
}

test_deny_exempted_members if {
	c := fixtures.resource("google_organization_iam_audit_config", "org", {"service": "allServices", "audit_log_config": [
		{"log_type": "ADMIN_READ"},
		{"log_type": "DATA_READ", "exempted_members": ["user:bot@acme.com"]},
		{"log_type": "DATA_WRITE"},
	]})
	check.deny == {{
		"msg": `DATA_READ logs exempt ["user:bot@acme.com"]`,
		"resource": "google_organization_iam_audit_config.org",
		"attribute": "audit_log_config.1.exempted_members",
	}} with input as fixtures.plan([c])
}

test_deny_only_per_service_configs if {
	{[f.resource, f.msg] | some f in check.deny} == {[
		"google_project_iam_audit_config.sql",
		"audit config covers only cloudsql.googleapis.com and no allServices config is declared",
	]} with input as fixtures.plan([_config("sql", "cloudsql.googleapis.com", ["ADMIN_READ", "DATA_READ", "DATA_WRITE"])])
}

test_allow_complete_all_services_config if {
	inp := fixtures.plan([
		_config("all", "allServices", ["ADMIN_READ", "DATA_READ", "DATA_WRITE"]),
		_config("sql", "cloudsql.googleapis.com", ["DATA_READ"]),
	])
	check.deny == set() with input as inp
}

test_unknown_service if {
	c := fixtures.with_unknown(_config("x", null, ["DATA_READ"]), ["service"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_project_iam_audit_config.x", "service"]} with input as inp
}

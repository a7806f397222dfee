package tenet.gcp.storage.access_logging_test

import rego.v1

import data.tenet.gcp.storage.access_logging as check
import data.tenet.lib.fixtures

_bucket(name, logging) := fixtures.resource("google_storage_bucket", name, {"name": sprintf("acme-%s", [name]), "logging": logging})

test_deny_without_logging_block if {
	check.deny == {{
		"msg": "no logging block with log_bucket is configured",
		"resource": "google_storage_bucket.data",
		"attribute": "logging.log_bucket",
	}} with input as fixtures.plan([_bucket("data", [])])
}

test_allow_with_log_bucket_and_log_target_exempt_in_state if {
	inp := fixtures.state([_bucket("data", [{"log_bucket": "acme-logs", "log_object_prefix": null}]), _bucket("logs", [])])
	check.deny == set() with input as inp
}

test_allow_log_target_by_reference if {
	logs := _bucket("logs", [])
	b := fixtures.with_refs(_bucket("data", [{"log_bucket": "acme-logs"}]), {"logging.log_bucket": ["google_storage_bucket.logs"]})
	check.deny == set() with input as fixtures.plan([logs, b])
}

test_allow_logging_sink_destination if {
	sink := fixtures.resource("google_logging_project_sink", "audit", {"destination": "storage.googleapis.com/acme-audit"})
	check.deny == set() with input as fixtures.state([_bucket("audit", []), sink])
}

test_deny_other_bucket_not_exempt if {
	inp := fixtures.state([_bucket("data", [{"log_bucket": "acme-logs"}]), _bucket("logs", []), _bucket("web", [])])
	{f.resource | some f in check.deny} == {"google_storage_bucket.web"} with input as inp
}

test_unknown_log_bucket if {
	b := fixtures.with_unknown(_bucket("data", [{"log_object_prefix": null}]), ["logging.0.log_bucket"])
	inp := fixtures.plan([b])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_storage_bucket.data"} with input as inp
}

test_allow_logging_sink_by_reference if {
	b := fixtures.with_unknown(_bucket("audit", []), ["id"])
	sink := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("google_logging_project_sink", "audit", {}), ["destination"]), {"destination": ["google_storage_bucket.audit"]})
	check.deny == set() with input as fixtures.plan([b, sink])
}

test_log_targets_by_name_reference_and_sinks_in_one_plan if {
	by_name := _bucket("named", [])
	by_ref := _bucket("referenced", [])
	data_bucket := _bucket("data", [{"log_bucket": "acme-named"}])
	app := fixtures.with_refs(_bucket("app", [{"log_bucket": "acme-referenced"}]), {"logging.log_bucket": ["google_storage_bucket.referenced"]})
	folder := _bucket("folder", [])
	folder_sink := fixtures.resource("google_logging_folder_sink", "f", {"destination": "storage.googleapis.com/acme-folder"})
	org := fixtures.with_unknown(_bucket("org", []), ["id"])
	org_sink := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("google_logging_organization_sink", "o", {}), ["destination"]), {"destination": ["google_storage_bucket.org"]})
	other_sink := fixtures.resource("google_logging_project_sink", "p", {"destination": "bigquery.googleapis.com/projects/p/datasets/web"})
	inp := fixtures.plan([by_name, by_ref, data_bucket, app, folder, folder_sink, org, org_sink, other_sink, _bucket("web", [])])
	{f.resource | some f in check.deny} == {"google_storage_bucket.web"} with input as inp
}

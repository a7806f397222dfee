package tenet.gcp.compute.default_service_account_test

import rego.v1

import data.tenet.gcp.compute.default_service_account as check
import data.tenet.lib.fixtures

_vm(type, sa) := fixtures.resource(type, "vm", {"name": "vm", "service_account": sa})

test_deny_default_email_with_full_scope if {
	vm := _vm("google_compute_instance", [{"email": "123-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}])
	check.deny == {{
		"msg": "the VM runs as the default compute service account with full API access (cloud-platform scope)",
		"resource": "google_compute_instance.vm",
		"attribute": "service_account.0.email",
	}} with input as fixtures.state([vm])
}

test_deny_template_block_without_email if {
	vm := _vm("google_compute_instance_template", [{"email": null, "scopes": ["userinfo-email"]}])
	check.deny == {{
		"msg": "the VM runs as the default compute service account",
		"resource": "google_compute_instance_template.vm",
		"attribute": "service_account.0.email",
	}} with input as fixtures.plan([vm])
}

test_deny_plan_block_without_email if {
	vm := fixtures.computed(fixtures.with_configured(_vm("google_compute_instance", [{"scopes": ["cloud-platform"]}]), ["service_account.scopes"]), ["service_account.0.email"])
	inp := fixtures.plan([vm])
	{f.msg | some f in check.deny} == {"the VM runs as the default compute service account with full API access (cloud-platform scope)"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_dedicated_or_no_account if {
	inp := fixtures.state([
		_vm("google_compute_instance", [{"email": "app@acme.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}]),
		fixtures.resource("google_compute_instance", "bare", {"name": "bare", "service_account": []}),
	])
	check.deny == set() with input as inp
}

# checkov-plan_booleans-google.json: email = google_service_account.default.email.
test_allow_plan_reference_to_dedicated_account if {
	vm := fixtures.with_refs(
		fixtures.with_unknown(_vm("google_compute_instance", [{"scopes": ["https://www.googleapis.com/auth/cloud-platform"]}]), ["service_account.0.email"]),
		{"service_account.email": ["google_service_account.default"]},
	)
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_email_from_elsewhere if {
	vm := fixtures.with_refs(
		fixtures.with_unknown(_vm("google_compute_instance", [{"scopes": []}]), ["service_account.0.email"]),
		{"service_account.email": ["data.google_compute_default_service_account.d"]},
	)
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_instance.vm"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_email_through_local if {
	vm := fixtures.from_local(_vm("google_compute_instance", [{"scopes": ["cloud-platform"]}]), ["service_account.0.email"])
	whole := fixtures.from_local(fixtures.resource("google_compute_instance_template", "t", {"name": "t"}), ["service_account"])
	inp := fixtures.plan([vm, whole])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_instance.vm", "google_compute_instance_template.t"} with input as inp
}

package tenet.gcp.iam.public_members_test

import rego.v1

import data.tenet.gcp.iam.public_members as check
import data.tenet.lib.fixtures

test_deny_project_member if {
	check.deny == {{
		"msg": `grants role "roles/viewer" to "allAuthenticatedUsers"`,
		"resource": "google_project_iam_member.m",
		"attribute": "member",
	}} with input as fixtures.state([fixtures.resource("google_project_iam_member", "m", {"project": "p", "role": "roles/viewer", "member": "allAuthenticatedUsers"})])
}

test_deny_binding_and_policy_on_other_types if {
	b := fixtures.resource("google_pubsub_topic_iam_binding", "b", {"topic": "t", "role": "roles/pubsub.publisher", "members": ["user:a@acme.com", "allUsers"]})
	p := fixtures.resource("google_secret_manager_secret_iam_policy", "p", {"secret_id": "s", "policy_data": json.marshal({"bindings": [{"role": "roles/secretmanager.secretAccessor", "members": ["allUsers"]}]})})
	{f.resource | some f in check.deny} == {"google_pubsub_topic_iam_binding.b", "google_secret_manager_secret_iam_policy.p"} with input as fixtures.plan([b, p])
}

test_allow_named_members_and_types_judged_elsewhere if {
	inp := fixtures.state([
		fixtures.resource("google_project_iam_member", "m", {"role": "roles/viewer", "member": "group:eng@acme.com"}),
		fixtures.resource("google_cloud_run_service_iam_member", "run", {"role": "roles/run.invoker", "member": "allUsers"}),
		fixtures.resource("google_storage_bucket_iam_member", "b", {"role": "roles/storage.objectViewer", "member": "allUsers"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_members if {
	b := fixtures.with_unknown(fixtures.resource("google_service_account_iam_binding", "b", {"role": "roles/iam.serviceAccountUser"}), ["members"])
	inp := fixtures.plan([b])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_service_account_iam_binding.b"} with input as inp
}

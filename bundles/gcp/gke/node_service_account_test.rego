package tenet.gcp.gke.node_service_account_test

import rego.v1

import data.tenet.gcp.gke.node_service_account as check
import data.tenet.lib.fixtures

_pool(config) := fixtures.resource("google_container_node_pool", "pool", {"cluster": "c", "node_config": [config]})

# conftest-gke-show.json: service_account unset, so unknown without a reference.
test_deny_unset_in_plan if {
	p := fixtures.computed(fixtures.with_configured(_pool({"machine_type": "e2-medium"}), ["node_config.machine_type"]), ["node_config.0.service_account"])
	inp := fixtures.plan([p])
	check.deny == {{
		"msg": "nodes run as the default compute service account",
		"resource": "google_container_node_pool.pool",
		"attribute": "node_config.0.service_account",
	}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_default_email_on_cluster_default_pool if {
	c := fixtures.resource("google_container_cluster", "c", {"node_config": [{"service_account": "123-compute@developer.gserviceaccount.com"}]})
	{f.attribute | some f in check.deny} == {"node_config.0.service_account"} with input as fixtures.state([c])
}

test_deny_default_keyword_in_state if {
	{f.resource | some f in check.deny} == {"google_container_node_pool.pool"} with input as fixtures.state([_pool({"service_account": "default"})])
}

test_allow_dedicated_account if {
	check.deny == set() with input as fixtures.state([_pool({"service_account": "gke-nodes@acme.iam.gserviceaccount.com"})])
}

test_allow_reference_to_dedicated_account if {
	sa := fixtures.resource("google_service_account", "nodes", {"account_id": "gke-nodes"})
	p := fixtures.with_refs(fixtures.with_unknown(_pool({}), ["node_config.0.service_account"]), {"node_config.service_account": ["google_service_account.nodes"]})
	inp := fixtures.plan([sa, p])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_account_from_data_source if {
	p := fixtures.with_refs(fixtures.with_unknown(_pool({}), ["node_config.0.service_account"]), {"node_config.service_account": ["data.google_compute_default_service_account.d"]})
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"node_config.0.service_account"} with input as inp
}

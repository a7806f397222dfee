package tenet.lib.gcp_test

import rego.v1

import data.tenet.lib.fixtures
import data.tenet.lib.gcp

test_iam_types if {
	gcp.iam_types("google_storage_bucket") == ["google_storage_bucket_iam_member", "google_storage_bucket_iam_binding", "google_storage_bucket_iam_policy"]
}

test_iam_grants_from_all_three_resources if {
	inp := fixtures.state([
		fixtures.resource("google_project_iam_member", "m", {"role": "roles/viewer", "member": "user:a@acme.com"}),
		fixtures.resource("google_project_iam_binding", "b", {"role": "roles/editor", "members": ["group:g@acme.com", "allUsers"]}),
		fixtures.resource("google_project_iam_policy", "p", {"policy_data": `{"bindings":[{"role":"roles/owner","members":["user:o@acme.com"]},{"role":"roles/x"}]}`}),
		fixtures.resource("google_storage_bucket_iam_member", "other", {"role": "roles/viewer", "member": "allUsers"}),
	])
	grants := {[g.resource.address, g.attribute, g.role, g.member] | some g in gcp.iam_grants("google_project")} with input as inp
	grants == {
		["google_project_iam_member.m", "member", "roles/viewer", "user:a@acme.com"],
		["google_project_iam_binding.b", "members", "roles/editor", "group:g@acme.com"],
		["google_project_iam_binding.b", "members", "roles/editor", "allUsers"],
		["google_project_iam_policy.p", "policy_data", "roles/owner", "user:o@acme.com"],
	}
}

test_iam_grants_unknown_values_are_null if {
	inp := fixtures.plan([
		fixtures.with_unknown(fixtures.resource("google_project_iam_member", "m", {"role": "roles/viewer"}), ["member"]),
		fixtures.with_unknown(fixtures.resource("google_project_iam_binding", "b", {"role": "roles/editor"}), ["members"]),
		fixtures.with_unknown(fixtures.resource("google_project_iam_policy", "p", {}), ["policy_data"]),
	])
	grants := {[g.resource.address, g.role, g.member] | some g in gcp.iam_grants("google_project")} with input as inp
	grants == {
		["google_project_iam_member.m", "roles/viewer", null],
		["google_project_iam_binding.b", "roles/editor", null],
		["google_project_iam_policy.p", null, null],
	}
}

test_policy_bindings_tolerates_junk if {
	gcp.policy_bindings(`{"bindings": [{"role": "r"}]}`) == [{"role": "r"}]
	gcp.policy_bindings("not json") == []
	gcp.policy_bindings(`{"etag": "x"}`) == []
	gcp.policy_bindings(null) == []
}

test_grant_text if {
	gcp.grant_text({"role": "roles/viewer", "member": "allUsers"}) == `role "roles/viewer" to "allUsers"`
	gcp.grant_text({"role": null, "member": null}) == "role (unknown until apply) to (unknown until apply)"
}

test_metadata_and_truthiness if {
	r := fixtures.resource("google_compute_instance", "vm", {"metadata": {"enable-oslogin": "TRUE", "n": 1}})
	gcp.metadata(r, "enable-oslogin") == "true"
	gcp.metadata(r, "absent") == ""
	gcp.metadata(r, "n") == ""
	gcp.truthy("true")
	not gcp.truthy("false")
	gcp.falsy("false")
	not gcp.falsy("")
}

test_os_login_from_project if {
	item := fixtures.resource("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "TRUE"})
	vm := fixtures.resource("google_compute_instance", "vm", {"metadata": {}})
	off := fixtures.resource("google_compute_instance", "off", {"metadata": {"enable-oslogin": "FALSE"}})
	gcp.os_login(vm) with input as fixtures.state([item, vm, off])
	not gcp.os_login(off) with input as fixtures.state([item, vm, off])
	not gcp.os_login(vm) with input as fixtures.state([vm])
}

test_default_service_account if {
	gcp.default_service_account("123-compute@developer.gserviceaccount.com")
	gcp.default_service_account("default")
	not gcp.default_service_account("app@acme.iam.gserviceaccount.com")
}

test_port_covered if {
	gcp.port_covered([], 22)
	gcp.port_covered(["22"], 22)
	gcp.port_covered(["1-1024"], 22)
	gcp.port_covered([22], 22)
	not gcp.port_covered(["80", "443"], 22)
	not gcp.port_covered(["23-100"], 22)
}

test_firewall_exposes_default_source if {
	fw := fixtures.resource("google_compute_firewall", "fw", {"allow": [{"protocol": "tcp", "ports": ["22"]}], "source_ranges": [], "source_tags": null})
	gcp.firewall_exposes(fw, 22)
	not gcp.firewall_exposes(fw, 80)
	tagged := fixtures.patch(fw, {"values": {"source_tags": ["web"]}})
	not gcp.firewall_exposes(tagged, 22)
}

test_firewall_may_expose_when_sources_unknown if {
	fw := fixtures.with_unknown(fixtures.resource("google_compute_firewall", "fw", {"allow": [{"protocol": "all"}]}), ["source_ranges"])
	not gcp.firewall_exposes(fw, 22)
	gcp.firewall_may_expose(fw, 22)
}

test_attr_unknown_ignores_enclosing_blocks if {
	r := {"unknown": ["settings.0.ip_configuration", "a.0.b.0.c"]}
	not gcp.attr_unknown(r, "settings.0.ip_configuration.0.ssl_mode")
	gcp.attr_unknown(r, "settings.0.ip_configuration")
	gcp.attr_unknown(r, "a.0.b")
	gcp.attr_unknown(r, "a.0.b.0.c")
	not gcp.attr_unknown({}, "a")
}

test_unset_computed if {
	r := fixtures.computed(fixtures.with_configured(fixtures.resource("google_container_node_pool", "p", {}), ["node_config.machine_type"]), ["node_config.0.service_account", "node_config.0.image_type"])
	gcp.unset_computed(r, "node_config.0.service_account")
	referenced := fixtures.with_configured(fixtures.with_refs(r, {"node_config.service_account": ["google_service_account.sa"]}), ["node_config.service_account"])
	not gcp.unset_computed(fixtures.from_local(r, ["node_config.0.service_account"]), "node_config.0.service_account")
	not gcp.unset_computed(referenced, "node_config.0.service_account")
	gcp.dedicated_account_ref(referenced, "node_config.service_account")
	not gcp.unset_computed(r, "node_config.0.disk_type")
}

test_sql_helpers if {
	db := fixtures.resource("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_connections", "value": "ON"}]}]})
	gcp.sql_flags(db) == {"log_connections": "on"}
	gcp.sql_engine(db) == "postgres"
	not gcp.sql_replica(db)
	gcp.sql_replica(fixtures.patch(db, {"values": {"master_instance_name": "primary"}}))
}

test_node_configs if {
	c := fixtures.resource("google_container_cluster", "c", {
		"node_config": [{"machine_type": "e2"}],
		"node_pool": [{"name": "a", "node_config": []}],
	})
	[[nc.path, nc.computed] | some nc in gcp.node_configs(c)] == [["node_config.0", false], ["node_pool.0.node_config", true]]
	gcp.node_configs(fixtures.patch(c, {"values": {"remove_default_node_pool": true, "node_pool": []}})) == []
	p := fixtures.resource("google_container_node_pool", "p", {"node_config": [{"service_account": "sa"}]})
	[gcp.node_get(nc, "service_account", "") | some nc in gcp.node_configs(p)] == ["sa"]
}

test_cluster_of_node_pool if {
	c := fixtures.resource("google_container_cluster", "c", {"name": "prod"})
	p := fixtures.resource("google_container_node_pool", "p", {"cluster": "prod"})
	gcp.cluster_of(p).address == "google_container_cluster.c" with input as fixtures.state([c, p])
	gcp.cluster_of(c).address == "google_container_cluster.c" with input as fixtures.state([c, p])
}

test_sql_instances_by_engine if {
	pg := fixtures.resource("google_sql_database_instance", "pg", {"database_version": "POSTGRES_15"})
	my := fixtures.resource("google_sql_database_instance", "my", {"database_version": "MYSQL_8_0"})
	odd := fixtures.from_local(fixtures.resource("google_sql_database_instance", "odd", {}), ["database_version"])
	inp := fixtures.plan([pg, my, odd])
	[db.name | some db in gcp.sql_instances("postgres")] == ["pg"] with input as inp
	[db.name | some db in gcp.sql_engine_unknown] == ["odd"] with input as inp
}

test_sql_flag_and_text if {
	db := fixtures.resource("google_sql_database_instance", "db", {"settings": [{"database_flags": [{"name": "log_statement", "value": "DDL"}]}]})
	gcp.sql_flag(db, "log_statement", "none") == "ddl"
	gcp.sql_flag(db, "log_connections", "off") == "off"
	gcp.sql_flag_text(db, "log_statement", "none") == `"ddl"`
	gcp.sql_flag_text(db, "log_connections", "off") == `not set (default "off")`
}

test_key_set_and_unknown if {
	known := fixtures.resource("google_pubsub_topic", "a", {"kms_key_name": "k"})
	key := fixtures.resource("google_kms_crypto_key", "k", {})
	ref := fixtures.points_at(fixtures.resource("google_pubsub_topic", "b", {}), "kms_key_name", key)
	local := fixtures.from_local(fixtures.resource("google_pubsub_topic", "c", {}), ["kms_key_name"])
	left := fixtures.computed(fixtures.resource("google_pubsub_topic", "d", {}), ["kms_key_name"])
	gcp.key_set(known, "kms_key_name")
	gcp.key_set(ref, "kms_key_name")
	not gcp.key_unknown(ref, "kms_key_name")
	not gcp.key_set(local, "kms_key_name")
	gcp.key_unknown(local, "kms_key_name")
	not gcp.key_set(left, "kms_key_name")
	not gcp.key_unknown(left, "kms_key_name")
}

test_same_project if {
	a := fixtures.resource("google_logging_metric", "a", {"project": "p"})
	b := fixtures.resource("google_logging_metric", "b", {"project": "q"})
	c := fixtures.resource("google_logging_metric", "c", {})
	d := fixtures.from_local(fixtures.resource("google_logging_metric", "d", {}), ["project"])
	gcp.same_project(a, a)
	not gcp.same_project(a, b)
	gcp.same_project(a, c)
	gcp.same_project(b, d)
}

test_project if {
	gcp.project(fixtures.resource("google_logging_metric", "a", {"project": "p"})) == "p"
	gcp.project(fixtures.resource("google_logging_metric", "c", {})) == ""
	gcp.project(fixtures.resource("google_logging_metric", "n", {"project": null})) == ""
	gcp.project(fixtures.from_local(fixtures.resource("google_logging_metric", "d", {"project": "p"}), ["project"])) == ""
}

test_log_metrics_and_alert if {
	m := fixtures.resource("google_logging_metric", "m", {"name": "routes", "filter": "resource.type=\"gce_route\" AND\n  protoPayload.methodName:\"compute.routes.insert\""})
	other := fixtures.resource("google_logging_metric", "o", {"name": "o", "filter": "severity>=ERROR"})
	a := fixtures.resource("google_monitoring_alert_policy", "a", {"conditions": [{"condition_absent": [{"filter": "metric.type=\"logging.googleapis.com/user/routes\""}]}]})
	inp := fixtures.state([m, other, a])
	[x.name | some x in gcp.log_metrics(["gce_route", "compute.routes.insert"])] == ["m"] with input as inp
	gcp.metric_alerted(m) with input as inp
	not gcp.metric_alerted(other) with input as inp
}

test_env_credentials if {
	gcp.env_credentials("DB_PASSWORD", "hunter2-prod") == {"a literal credential"}
	gcp.env_credentials("dbPassword", "${DB_PASSWORD}") == set()
	gcp.env_credentials("TOKEN_PATH", "/var/run/token") == set()
	gcp.env_credentials("SECRET_NAME", "hunter2-prod") == set()
	gcp.env_credentials("API_KEY", "projects/p/secrets/k/versions/1") == set()
	gcp.env_credentials("CONFIG", "AKIAABCDEFGHIJKLMNOP") == {"an AWS access key id"}
	gcp.env_credentials("MAPS", "AIzaSyA1234567890abcdefghijklmnopqrstuv") == {"a Google API key"}
}

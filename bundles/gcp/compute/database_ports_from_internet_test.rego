package tenet.gcp.compute.database_ports_from_internet_test

import rego.v1

import data.tenet.gcp.compute.database_ports_from_internet as check
import data.tenet.lib.fixtures

_fw(name, values) := fixtures.resource("google_compute_firewall", name, object.union({"name": name, "direction": "INGRESS"}, values))

test_deny_postgres_from_anywhere if {
	check.deny == {{
		"msg": "ingress rule allows database TCP ports 5432 from the internet",
		"resource": "google_compute_firewall.db",
		"attribute": "source_ranges",
	}} with input as fixtures.state([_fw("db", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["5432", "443"]}]})])
}

test_deny_all_ports_lists_every_database if {
	fw := _fw("open", {"source_ranges": ["::/0"], "allow": [{"protocol": "all"}]})
	{f.msg | some f in check.deny} == {"ingress rule allows database TCP ports 1433, 1521, 3306, 5432, 5984, 6379, 9042, 9200, 11211, 27017 from the internet"} with input as fixtures.plan([fw])
}

test_allow_restricted_sources_and_web_ports if {
	inp := fixtures.state([
		_fw("a", {"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "tcp", "ports": ["3306"]}]}),
		_fw("b", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "443"]}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_source_ranges if {
	fw := fixtures.from_local(_fw("db", {"allow": [{"protocol": "tcp", "ports": ["6379"]}]}), ["source_ranges"])
	inp := fixtures.plan([fw])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"whether the rule allows database TCP ports 6379 from the internet is unknown until apply"} with input as inp
}

package tenet.kubernetes.pod.default_namespace_test

import rego.v1

import data.tenet.kubernetes.pod.default_namespace as check
import data.tenet.lib.fixtures

_config_map(meta) := {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": {"a": "b"}}

test_deny_default_namespace if {
	inp := fixtures.manifest([fixtures.workload("Deployment", "web", {"containers": [fixtures.container("a", "a:1")]})])
	check.deny == {{
		"msg": `Deployment "web" is placed in the default namespace`,
		"resource": "Deployment/web",
		"attribute": "metadata.namespace",
	}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_config_map if {
	{f.resource | some f in check.deny} == {"ConfigMap/cfg"} with input as fixtures.manifest([_config_map({"name": "cfg", "namespace": "default"})])
}

test_unknown_without_namespace if {
	inp := fixtures.manifest([_config_map({"name": "cfg"})])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "metadata.namespace is not set: the namespace is chosen when the manifest is applied",
		"resource": "ConfigMap/cfg",
		"attribute": "metadata.namespace",
	}} with input as inp
}

test_allow_own_namespace_and_api_service if {
	inp := fixtures.manifest([
		_config_map({"name": "cfg", "namespace": "shop"}),
		{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "kubernetes", "namespace": "default"}, "spec": {}},
		{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "default"}},
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

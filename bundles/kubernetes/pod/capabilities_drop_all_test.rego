package tenet.kubernetes.pod.capabilities_drop_all_test

import rego.v1

import data.tenet.kubernetes.pod.capabilities_drop_all as check
import data.tenet.lib.fixtures

_container(name, caps) := object.union(fixtures.container(name, "app:1.0"), {"securityContext": {"capabilities": caps}})

test_deny_no_drop if {
	d := fixtures.workload("StatefulSet", "db", {"containers": [fixtures.container("db", "postgres:16")]})
	check.deny == {{
		"msg": `container "db" does not drop ALL capabilities`,
		"resource": "StatefulSet/db",
		"attribute": "spec.template.spec.containers[name=db].securityContext.capabilities.drop",
	}} with input as fixtures.manifest([d])
}

test_deny_add_beyond_net_bind_service if {
	spec := {"containers": [_container("web", {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "CHOWN"]})]}
	check.deny == {{
		"msg": `container "web" adds capabilities other than NET_BIND_SERVICE: CHOWN`,
		"resource": "Pod/p",
		"attribute": "spec.containers[name=web].securityContext.capabilities.add",
	}} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_deny_partial_drop_on_init if {
	spec := {"initContainers": [_container("init", {"drop": ["NET_RAW"]})], "containers": [_container("app", {"drop": ["all"]})]}
	{f.attribute | some f in check.deny} == {"spec.jobTemplate.spec.template.spec.initContainers[name=init].securityContext.capabilities.drop"} with input as fixtures.manifest([fixtures.workload("CronJob", "c", spec)])
}

test_allow_drop_all if {
	spec := {"containers": [_container("a", {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}), _container("b", {"drop": ["ALL"]})]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

test_allow_windows_pod if {
	spec := {"os": {"name": "windows"}, "containers": [fixtures.container("app", "app:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "win", spec)])
}

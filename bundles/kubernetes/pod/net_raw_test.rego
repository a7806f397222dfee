package tenet.kubernetes.pod.net_raw_test

import rego.v1

import data.tenet.kubernetes.pod.net_raw as check
import data.tenet.lib.fixtures

_container(name, caps) := object.union(fixtures.container(name, "app:1.0"), {"securityContext": {"capabilities": caps}})

test_deny_not_dropped if {
	d := fixtures.workload("Deployment", "web", {"containers": [_container("web", {"drop": ["MKNOD"]})]})
	check.deny == {{
		"msg": `container "web" does not drop NET_RAW (capabilities.drop has neither NET_RAW nor ALL)`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.capabilities.drop",
	}} with input as fixtures.manifest([d])
}

test_deny_added_back if {
	spec := {"initContainers": [_container("init", {"drop": ["ALL"], "add": ["CAP_NET_RAW"]})]}
	check.deny == {{
		"msg": `container "init" adds capability NET_RAW, which includes NET_RAW`,
		"resource": "Pod/p",
		"attribute": "spec.initContainers[name=init].securityContext.capabilities.add",
	}} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_deny_add_all_and_no_capabilities if {
	spec := {"containers": [_container("a", {"add": ["ALL"], "drop": ["NET_RAW"]}), fixtures.container("b", "b:1")]}
	{[f.attribute] | some f in check.deny} == {
		["spec.template.spec.containers[name=a].securityContext.capabilities.add"],
		["spec.template.spec.containers[name=b].securityContext.capabilities.drop"],
	} with input as fixtures.manifest([fixtures.workload("Job", "j", spec)])
}

test_allow_dropped if {
	spec := {"containers": [_container("a", {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}), _container("b", {"drop": ["net_raw"]})]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("DaemonSet", "d", spec)])
}

test_allow_windows_pod if {
	spec := {"os": {"name": "windows"}, "containers": [fixtures.container("app", "app:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "win", spec)])
}

package tenet.kubernetes.pod.high_uid_test

import rego.v1

import data.tenet.kubernetes.pod.high_uid as check
import data.tenet.lib.fixtures

_container(name, sc) := object.union(fixtures.container(name, "app:1.0"), {"securityContext": sc})

test_deny_low_user_on_container if {
	d := fixtures.workload("Deployment", "web", {"containers": [_container("web", {"runAsUser": 1000, "runAsGroup": 20000})]})
	check.deny == {{
		"msg": `container "web" runs with user ID 1000 (runAsUser), which may be an account of the node: use an ID above 10000`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.runAsUser",
	}} with input as fixtures.manifest([d])
}

test_deny_pod_level_group_inherited if {
	spec := {"securityContext": {"runAsUser": 10001, "runAsGroup": 10000}, "containers": [fixtures.container("a", "a:1"), fixtures.container("b", "b:1")]}
	{f.attribute | some f in check.deny} == {"spec.securityContext.runAsGroup"} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
	count(check.deny) == 2 with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_deny_container_overrides_pod if {
	spec := {"securityContext": {"runAsUser": 20000}, "initContainers": [_container("init", {"runAsUser": 0})], "containers": [fixtures.container("app", "app:1")]}
	{f.attribute | some f in check.deny} == {"spec.jobTemplate.spec.template.spec.initContainers[name=init].securityContext.runAsUser"} with input as fixtures.manifest([fixtures.workload("CronJob", "c", spec)])
}

test_allow_high_ids if {
	spec := {"securityContext": {"runAsUser": 1000, "runAsGroup": 3000}, "containers": [_container("a", {"runAsUser": 10001, "runAsGroup": 65532})]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("StatefulSet", "s", spec)])
}

test_allow_unset_ids if {
	spec := {"securityContext": {"runAsNonRoot": true}, "containers": [fixtures.container("a", "a:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

test_allow_windows if {
	spec := {"os": {"name": "windows"}, "securityContext": {"runAsUser": 1000}, "containers": [fixtures.container("a", "a:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

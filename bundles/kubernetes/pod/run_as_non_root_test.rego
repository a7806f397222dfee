package tenet.kubernetes.pod.run_as_non_root_test

import rego.v1

import data.tenet.kubernetes.pod.run_as_non_root as check
import data.tenet.lib.fixtures

_container(name, sc) := object.union(fixtures.container(name, "app:1.0"), {"securityContext": sc})

_may_be_root(name) := sprintf("container %q may run as root: neither runAsNonRoot nor a non-zero runAsUser is set", [name])

test_deny_when_nothing_is_set if {
	d := fixtures.workload("Deployment", "web", {"containers": [fixtures.container("web", "nginx:1.27")]})
	check.deny == {{
		"msg": _may_be_root("web"),
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.runAsNonRoot",
	}} with input as fixtures.manifest([d])
}

test_deny_container_overrides_pod if {
	spec := {
		"securityContext": {"runAsNonRoot": true},
		"containers": [_container("web", {"runAsNonRoot": false}), fixtures.container("sidecar", "envoy:1.30")],
	}
	{f.msg | some f in check.deny} == {_may_be_root("web")} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_deny_run_as_user_zero if {
	spec := {"securityContext": {"runAsNonRoot": true}, "initContainers": [_container("init", {"runAsUser": 0})], "containers": [fixtures.container("app", "app:1")]}
	check.deny == {{
		"msg": `container "init" runs as user 0 (root)`,
		"resource": "Job/migrate",
		"attribute": "spec.template.spec.initContainers[name=init].securityContext.runAsUser",
	}} with input as fixtures.manifest([fixtures.workload("Job", "migrate", spec)])
}

test_deny_pod_run_as_user_zero_inherited if {
	spec := {"securityContext": {"runAsUser": 0, "runAsNonRoot": true}, "containers": [fixtures.container("app", "app:1")]}
	{f.attribute | some f in check.deny} == {"spec.jobTemplate.spec.template.spec.containers[name=app].securityContext.runAsUser"} with input as fixtures.manifest([fixtures.workload("CronJob", "c", spec)])
}

test_allow_pod_level_non_root if {
	spec := {"securityContext": {"runAsNonRoot": true, "runAsUser": 10001}, "containers": [fixtures.container("web", "nginx:1.27")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_allow_container_level_user if {
	spec := {"containers": [_container("a", {"runAsUser": 1000}), _container("b", {"runAsNonRoot": true})]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("StatefulSet", "s", spec)])
}

package tenet.kubernetes.pod.privilege_escalation_test

import rego.v1

import data.tenet.kubernetes.pod.privilege_escalation as check
import data.tenet.lib.fixtures

_container(name, sc) := object.union(fixtures.container(name, "app:1.0"), {"securityContext": sc})

test_deny_unset if {
	d := fixtures.workload("Deployment", "web", {"containers": [fixtures.container("web", "nginx:1.27")]})
	check.deny == {{
		"msg": `container "web" does not set allowPrivilegeEscalation to false (unset allows escalation)`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.allowPrivilegeEscalation",
	}} with input as fixtures.manifest([d])
}

test_deny_true_on_init_and_ephemeral if {
	spec := {
		"initContainers": [_container("init", {"allowPrivilegeEscalation": true})],
		"containers": [_container("app", {"allowPrivilegeEscalation": false})],
		"ephemeralContainers": [fixtures.container("debug", "busybox:1.36")],
	}
	{[f.attribute, f.msg] | some f in check.deny} == {
		["spec.initContainers[name=init].securityContext.allowPrivilegeEscalation", `container "init" sets allowPrivilegeEscalation to true`],
		["spec.ephemeralContainers[name=debug].securityContext.allowPrivilegeEscalation", `container "debug" does not set allowPrivilegeEscalation to false (unset allows escalation)`],
	} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_false_everywhere if {
	spec := {"initContainers": [_container("init", {"allowPrivilegeEscalation": false})], "containers": [_container("app", {"allowPrivilegeEscalation": false})]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("CronJob", "c", spec)])
}

test_allow_windows_pod if {
	spec := {"os": {"name": "windows"}, "containers": [fixtures.container("app", "app:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "win", spec)])
}

package tenet.kubernetes.pod.seccomp_unconfined_test

import rego.v1

import data.tenet.kubernetes.pod.seccomp_unconfined as check
import data.tenet.lib.fixtures

test_deny_pod_unconfined if {
	spec := {"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [fixtures.container("web", "nginx:1.27")]}
	check.deny == {{
		"msg": `container "web" runs with seccomp profile Unconfined`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.seccompProfile.type",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_deny_annotation if {
	p := object.union(fixtures.workload("Pod", "p", {"containers": [fixtures.container("a", "a:1")]}), {"metadata": {"annotations": {"seccomp.security.alpha.kubernetes.io/pod": "unconfined"}}})
	count(check.deny) == 1 with input as fixtures.manifest([p])
}

test_allow_unset_and_runtime_default if {
	spec := {"containers": [fixtures.container("a", "a:1"), object.union(fixtures.container("b", "b:1"), {"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}})]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

test_allow_container_overrides_pod if {
	spec := {"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [object.union(fixtures.container("b", "b:1"), {"securityContext": {"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}})]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

test_allow_windows if {
	spec := {"os": {"name": "windows"}, "securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [fixtures.container("a", "a:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

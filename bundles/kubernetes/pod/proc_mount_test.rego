package tenet.kubernetes.pod.proc_mount_test

import rego.v1

import data.tenet.kubernetes.pod.proc_mount as check
import data.tenet.lib.fixtures

_container(name, mount) := object.union(fixtures.container(name, "app:1"), {"securityContext": {"procMount": mount}})

test_deny_unmasked if {
	check.deny == {{
		"msg": `container "builder" sets procMount Unmasked instead of Default`,
		"resource": "Pod/build",
		"attribute": "spec.containers[name=builder].securityContext.procMount",
	}} with input as fixtures.manifest([fixtures.workload("Pod", "build", {"containers": [_container("builder", "Unmasked")]})])
}

test_deny_init_container if {
	spec := {"initContainers": [_container("init", "Unmasked")], "containers": [_container("app", "Default")]}
	{f.attribute | some f in check.deny} == {"spec.template.spec.initContainers[name=init].securityContext.procMount"} with input as fixtures.manifest([fixtures.workload("Job", "j", spec)])
}

test_allow_default_or_unset if {
	spec := {"containers": [_container("a", "Default"), fixtures.container("b", "b:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

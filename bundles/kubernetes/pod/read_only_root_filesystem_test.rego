package tenet.kubernetes.pod.read_only_root_filesystem_test

import rego.v1

import data.tenet.kubernetes.pod.read_only_root_filesystem as check
import data.tenet.lib.fixtures

_container(name, flag) := object.union(fixtures.container(name, "app:1"), {"securityContext": {"readOnlyRootFilesystem": flag}})

test_deny_unset if {
	check.deny == {{
		"msg": `container "web" does not set readOnlyRootFilesystem to true`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.readOnlyRootFilesystem",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", {"containers": [fixtures.container("web", "nginx:1.27")]})])
}

test_deny_false_on_init if {
	spec := {"initContainers": [_container("init", false)], "containers": [_container("app", true)]}
	{f.attribute | some f in check.deny} == {"spec.initContainers[name=init].securityContext.readOnlyRootFilesystem"} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_read_only_and_ephemeral_ignored if {
	spec := {"containers": [_container("app", true)], "ephemeralContainers": [fixtures.container("debug", "busybox:1.36")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

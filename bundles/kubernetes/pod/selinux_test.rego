package tenet.kubernetes.pod.selinux_test

import rego.v1

import data.tenet.kubernetes.pod.selinux as check
import data.tenet.lib.fixtures

_container(name, opts) := object.union(fixtures.container(name, "app:1"), {"securityContext": {"seLinuxOptions": opts}})

test_deny_spc_t_on_container if {
	spec := {"containers": [_container("agent", {"type": "spc_t", "level": "s0"})]}
	check.deny == {{
		"msg": `container "agent" seLinuxOptions sets type spc_t, which is not a container type`,
		"resource": "DaemonSet/agent",
		"attribute": "spec.template.spec.containers[name=agent].securityContext.seLinuxOptions.type",
	}} with input as fixtures.manifest([fixtures.workload("DaemonSet", "agent", spec)])
}

test_deny_pod_user_and_role if {
	spec := {"securityContext": {"seLinuxOptions": {"user": "system_u", "role": "system_r"}}, "containers": [fixtures.container("a", "a:1")]}
	{[f.attribute, f.msg] | some f in check.deny} == {
		["spec.securityContext.seLinuxOptions.user", "the pod's seLinuxOptions sets user system_u"],
		["spec.securityContext.seLinuxOptions.role", "the pod's seLinuxOptions sets role system_r"],
	} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_container_types_and_level if {
	spec := {
		"securityContext": {"seLinuxOptions": {"level": "s0:c123,c456"}},
		"initContainers": [_container("i", {"type": "container_init_t"})],
		"containers": [_container("a", {"type": "container_t"}), _container("b", {"type": "container_engine_t", "user": ""})],
	}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("StatefulSet", "s", spec)])
}

package tenet.kubernetes.pod.capabilities_baseline_test

import rego.v1

import data.tenet.kubernetes.pod.capabilities_baseline as check
import data.tenet.lib.fixtures

_container(name, add) := object.union(fixtures.container(name, "app:1.0"), {"securityContext": {"capabilities": {"add": add}}})

test_deny_sys_admin_and_net_admin if {
	d := fixtures.workload("DaemonSet", "agent", {"containers": [_container("agent", ["NET_ADMIN", "CHOWN", "sys_admin"])]})
	check.deny == {{
		"msg": `container "agent" adds capabilities beyond the default set: NET_ADMIN, SYS_ADMIN`,
		"resource": "DaemonSet/agent",
		"attribute": "spec.template.spec.containers[name=agent].securityContext.capabilities.add",
	}} with input as fixtures.manifest([d])
}

test_deny_all_on_ephemeral if {
	spec := {"containers": [fixtures.container("app", "app:1")], "ephemeralContainers": [_container("debug", ["ALL"])]}
	{f.attribute | some f in check.deny} == {"spec.ephemeralContainers[name=debug].securityContext.capabilities.add"} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_default_set if {
	spec := {"containers": [_container("a", ["NET_BIND_SERVICE", "CAP_CHOWN", "SETUID"]), fixtures.container("b", "b:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

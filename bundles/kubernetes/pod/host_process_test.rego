package tenet.kubernetes.pod.host_process_test

import rego.v1

import data.tenet.kubernetes.pod.host_process as check
import data.tenet.lib.fixtures

_host_process := {"windowsOptions": {"hostProcess": true}}

test_deny_pod_level if {
	spec := {"securityContext": _host_process, "hostNetwork": true, "containers": [fixtures.container("agent", "agent:1")]}
	check.deny == {{
		"msg": "the pod runs as a Windows HostProcess pod",
		"resource": "DaemonSet/agent",
		"attribute": "spec.template.spec.securityContext.windowsOptions.hostProcess",
	}} with input as fixtures.manifest([fixtures.workload("DaemonSet", "agent", spec)])
}

test_deny_container_level if {
	c := object.union(fixtures.container("agent", "agent:1"), {"securityContext": _host_process})
	check.deny == {{
		"msg": `container "agent" runs as a Windows HostProcess container`,
		"resource": "Pod/p",
		"attribute": "spec.containers[name=agent].securityContext.windowsOptions.hostProcess",
	}} with input as fixtures.manifest([fixtures.workload("Pod", "p", {"containers": [c]})])
}

test_allow_false_or_absent if {
	c := object.union(fixtures.container("app", "app:1"), {"securityContext": {"windowsOptions": {"hostProcess": false, "runAsUserName": "ContainerUser"}}})
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", {"containers": [c, fixtures.container("b", "b:1")]})])
}

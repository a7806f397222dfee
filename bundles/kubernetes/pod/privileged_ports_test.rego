package tenet.kubernetes.pod.privileged_ports_test

import rego.v1

import data.tenet.kubernetes.pod.privileged_ports as check
import data.tenet.lib.fixtures

_c(name, ports) := object.union(fixtures.container(name, "app:1"), {"ports": [{"containerPort": p} | some p in ports]})

test_deny_port_80 if {
	d := fixtures.workload("Deployment", "web", {"containers": [_c("web", [8080, 80])]})
	check.deny == {{
		"msg": `container "web" listens on privileged port 80, which needs root or NET_BIND_SERVICE`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].ports[1].containerPort",
	}} with input as fixtures.manifest([d])
}

test_deny_init_container if {
	d := fixtures.workload("DaemonSet", "dns", {"initContainers": [_c("init", [53])], "containers": [_c("app", [8053])]})
	{f.attribute | some f in check.deny} == {"spec.template.spec.initContainers[name=init].ports[0].containerPort"} with input as fixtures.manifest([d])
}

test_allow_high_ports if {
	d := fixtures.workload("Pod", "p", {"containers": [_c("a", [1024, 8443]), fixtures.container("b", "b:1")]})
	check.deny == set() with input as fixtures.manifest([d])
}

test_allow_sysctl_lowers_the_start if {
	spec := {"securityContext": {"sysctls": [{"name": "net.ipv4.ip_unprivileged_port_start", "value": "0"}]}, "containers": [_c("a", [80])]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

test_deny_sysctl_above_the_port if {
	spec := {"securityContext": {"sysctls": [{"name": "net.ipv4.ip_unprivileged_port_start", "value": "500"}]}, "containers": [_c("a", [443, 600])]}
	{f.msg | some f in check.deny} == {`container "a" listens on privileged port 443, which needs root or NET_BIND_SERVICE`} with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

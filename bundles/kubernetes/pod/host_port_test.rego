package tenet.kubernetes.pod.host_port_test

import rego.v1

import data.tenet.kubernetes.pod.host_port as check
import data.tenet.lib.fixtures

_container(name, ports) := object.union(fixtures.container(name, "app:1"), {"ports": ports})

test_deny_host_port if {
	spec := {"containers": [_container("exporter", [{"containerPort": 9100, "hostPort": 9100}])]}
	check.deny == {{
		"msg": `container "exporter" binds host port 9100`,
		"resource": "DaemonSet/node-exporter",
		"attribute": "spec.template.spec.containers[name=exporter].ports",
	}} with input as fixtures.manifest([fixtures.workload("DaemonSet", "node-exporter", spec)])
}

test_deny_each_port_on_init if {
	spec := {"initContainers": [_container("init", [{"containerPort": 80, "hostPort": 80}, {"containerPort": 443, "hostPort": 443}])]}
	{f.msg | some f in check.deny} == {`container "init" binds host port 80`, `container "init" binds host port 443`} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_container_ports_only if {
	spec := {"containers": [_container("web", [{"containerPort": 8080}, {"containerPort": 9090, "hostPort": 0}]), fixtures.container("b", "b:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", spec)])
}

package tenet.kubernetes.pod.runtime_socket_test

import rego.v1

import data.tenet.kubernetes.pod.runtime_socket as check
import data.tenet.lib.fixtures

_spec(path) := {"containers": [fixtures.container("app", "app:1")], "volumes": [{"name": "sock", "hostPath": {"path": path}}]}

test_deny_docker_socket if {
	check.deny == {{
		"msg": `volume "sock" mounts host path "/var/run/docker.sock", which exposes the container runtime socket /var/run/docker.sock`,
		"resource": "DaemonSet/agent",
		"attribute": "spec.template.spec.volumes[name=sock].hostPath.path",
	}} with input as fixtures.manifest([fixtures.workload("DaemonSet", "agent", _spec("/var/run/docker.sock"))])
}

test_deny_parent_directory if {
	inp := fixtures.manifest([fixtures.workload("Pod", "p", _spec("/run/containerd/"))])
	{f.msg | some f in check.deny} == {`volume "sock" mounts host path "/run/containerd/", which exposes the container runtime socket /run/containerd/containerd.sock`} with input as inp
}

test_deny_root_once if {
	inp := fixtures.manifest([fixtures.workload("Job", "j", _spec("/"))])
	check.deny == {{
		"msg": `volume "sock" mounts host path "/", which exposes the container runtime socket /run/containerd/containerd.sock`,
		"resource": "Job/j",
		"attribute": "spec.template.spec.volumes[name=sock].hostPath.path",
	}} with input as inp
}

test_allow_other_host_paths if {
	inp := fixtures.manifest([
		fixtures.workload("DaemonSet", "a", _spec("/var/log")),
		fixtures.workload("DaemonSet", "b", _spec("/var/run/docker.sock.d")),
		fixtures.workload("DaemonSet", "c", _spec("/run/containerd-other")),
	])
	check.deny == set() with input as inp
}

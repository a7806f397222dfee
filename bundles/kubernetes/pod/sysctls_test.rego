package tenet.kubernetes.pod.sysctls_test

import rego.v1

import data.tenet.kubernetes.pod.sysctls as check
import data.tenet.lib.fixtures

_spec(names) := {"securityContext": {"sysctls": [{"name": n, "value": "1"} | some n in names]}, "containers": [fixtures.container("app", "app:1")]}

test_deny_unsafe_sysctl if {
	check.deny == {{
		"msg": "the pod sets sysctl kernel.msgmax, which is not in the safe set",
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.securityContext.sysctls",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", _spec(["net.ipv4.tcp_syncookies", "kernel.msgmax"]))])
}

test_deny_each_unsafe if {
	inp := fixtures.manifest([fixtures.workload("Pod", "p", _spec(["net.core.somaxconn", "vm/swappiness"]))])
	{f.msg | some f in check.deny} == {
		"the pod sets sysctl net.core.somaxconn, which is not in the safe set",
		"the pod sets sysctl vm/swappiness, which is not in the safe set",
	} with input as inp
}

test_allow_safe_set if {
	inp := fixtures.manifest([
		fixtures.workload("StatefulSet", "s", _spec(["kernel.shm_rmid_forced", "net/ipv4/ip_local_port_range", "net.ipv4.tcp_keepalive_probes"])),
		fixtures.workload("Job", "j", {"containers": [fixtures.container("a", "a:1")]}),
	])
	check.deny == set() with input as inp
}

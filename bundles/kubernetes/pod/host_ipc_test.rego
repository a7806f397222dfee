package tenet.kubernetes.pod.host_ipc_test

import rego.v1

import data.tenet.kubernetes.pod.host_ipc as check
import data.tenet.lib.fixtures

_spec(flag) := {"hostIPC": flag, "containers": [fixtures.container("app", "app:1.0")]}

_msg := "the pod shares the host's IPC namespace"

test_deny_deployment if {
	check.deny == {{"msg": _msg, "resource": "Deployment/web", "attribute": "spec.template.spec.hostIPC"}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", _spec(true))])
}

test_deny_pod_and_cronjob if {
	inp := fixtures.manifest([fixtures.workload("Pod", "p", _spec(true)), fixtures.workload("CronJob", "c", _spec(true))])
	{[f.resource, f.attribute] | some f in check.deny} == {
		["Pod/p", "spec.hostIPC"],
		["CronJob/c", "spec.jobTemplate.spec.template.spec.hostIPC"],
	} with input as inp
}

test_allow_false_or_absent if {
	inp := fixtures.manifest([
		fixtures.workload("Job", "j", _spec(false)),
		fixtures.workload("ReplicaSet", "r", {"containers": [fixtures.container("app", "app:1.0")]}),
		{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"hostIPC": "true"}},
	])
	check.deny == set() with input as inp
}

package tenet.kubernetes.pod.liveness_probe_test

import rego.v1

import data.tenet.kubernetes.pod.liveness_probe as check
import data.tenet.lib.fixtures

_probe := {"httpGet": {"path": "/healthz", "port": 8080}}

_probed(name) := object.union(fixtures.container(name, "app:1"), {"livenessProbe": _probe})

test_deny_missing_probe if {
	spec := {"containers": [_probed("web"), fixtures.container("sidecar", "envoy:1.30")]}
	check.deny == {{
		"msg": `container "sidecar" defines no livenessProbe`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=sidecar].livenessProbe",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_deny_bare_pod_restarting if {
	spec := {"restartPolicy": "Always", "containers": [fixtures.container("app", "app:1")]}
	{f.resource | some f in check.deny} == {"Pod/p"} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_probes_and_batch_workloads if {
	plain := {"initContainers": [fixtures.container("init", "init:1")], "containers": [fixtures.container("app", "app:1")]}
	inp := fixtures.manifest([
		fixtures.workload("StatefulSet", "s", {"initContainers": [fixtures.container("init", "init:1")], "containers": [_probed("db")]}),
		fixtures.workload("Job", "j", plain),
		fixtures.workload("CronJob", "c", plain),
		fixtures.workload("Pod", "once", object.union(plain, {"restartPolicy": "Never"})),
	])
	check.deny == set() with input as inp
}

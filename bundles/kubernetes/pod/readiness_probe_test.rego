package tenet.kubernetes.pod.readiness_probe_test

import rego.v1

import data.tenet.kubernetes.pod.readiness_probe as check
import data.tenet.lib.fixtures

_serving(name) := object.union(fixtures.container(name, "app:1"), {"ports": [{"containerPort": 8080}]})

test_deny_serving_container_without_probe if {
	check.deny == {{
		"msg": `container "web" declares ports but defines no readinessProbe`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].readinessProbe",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", {"containers": [_serving("web")]})])
}

test_deny_statefulset_and_pod if {
	inp := fixtures.manifest([fixtures.workload("StatefulSet", "s", {"containers": [_serving("db")]}), fixtures.workload("Pod", "p", {"containers": [_serving("app")]})])
	{f.resource | some f in check.deny} == {"StatefulSet/s", "Pod/p"} with input as inp
}

test_allow_probe_worker_or_job if {
	probed := object.union(_serving("web"), {"readinessProbe": {"tcpSocket": {"port": 8080}}})
	inp := fixtures.manifest([
		fixtures.workload("Deployment", "web", {"containers": [probed, fixtures.container("worker", "w:1")]}),
		fixtures.workload("Job", "j", {"containers": [_serving("job")]}),
	])
	check.deny == set() with input as inp
}

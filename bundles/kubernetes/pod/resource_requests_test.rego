package tenet.kubernetes.pod.resource_requests_test

import rego.v1

import data.tenet.kubernetes.pod.resource_requests as check
import data.tenet.lib.fixtures

_container(name, resources) := object.union(fixtures.container(name, "app:1"), {"resources": resources})

_limit_range(ns, field, values) := {
	"apiVersion": "v1", "kind": "LimitRange",
	"metadata": {"name": "defaults", "namespace": ns},
	"spec": {"limits": [{"type": "Container", field: values}]},
}

test_deny_missing_requests if {
	spec := {"containers": [_container("web", {"requests": {"cpu": "100m", "memory": "128Mi"}}), fixtures.container("sidecar", "envoy:1.30")]}
	check.deny == {{
		"msg": `container "sidecar" sets no cpu or memory request`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=sidecar].resources.requests",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_deny_memory_missing_on_init if {
	spec := {"initContainers": [_container("init", {"requests": {"cpu": "1"}})], "containers": [_container("app", {"requests": {"cpu": "1", "memory": "1Gi"}})]}
	{f.msg | some f in check.deny} == {`container "init" sets no memory request`} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_deny_limit_range_in_other_namespace if {
	inp := fixtures.manifest([_limit_range("other", "defaultRequest", {"cpu": "1", "memory": "1Gi"}), fixtures.workload("Job", "j", {"containers": [fixtures.container("a", "a:1")]})])
	{f.resource | some f in check.deny} == {"Job/j"} with input as inp
}

test_allow_limits_count_as_requests if {
	spec := {"containers": [_container("app", {"limits": {"cpu": "1", "memory": "1Gi"}})], "ephemeralContainers": [fixtures.container("d", "d:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("DaemonSet", "d", spec)])
}

test_allow_limit_range_default_request if {
	spec := {"containers": [_container("app", {"requests": {"memory": "1Gi"}})]}
	inp := fixtures.manifest([_limit_range("default", "defaultRequest", {"cpu": "250m"}), fixtures.workload("Deployment", "web", spec)])
	check.deny == set() with input as inp
}

# In a batch of files (pkg/engine, EvalBatch) only a LimitRange of the
# workload's own file counts.
test_batch_joins_only_the_same_file if {
	spec := {"containers": [fixtures.container("a", "a:1")]}
	inp := fixtures.batch([
		[fixtures.workload("Job", "j", spec)],
		[_limit_range("default", "defaultRequest", {"cpu": "1", "memory": "1Gi"}), fixtures.workload("Job", "k", spec)],
	])
	{f.resource | some f in check.deny} == {"Job/j"} with input as inp
}

package tenet.kubernetes.pod.resource_limits_test

import rego.v1

import data.tenet.kubernetes.pod.resource_limits as check
import data.tenet.lib.fixtures

_limited(name, limits) := object.union(fixtures.container(name, "app:1.0"), {"resources": {"requests": {"cpu": "100m"}, "limits": limits}})

_limit_range(ns, defaults) := {
	"apiVersion": "v1", "kind": "LimitRange",
	"metadata": {"name": "defaults", "namespace": ns},
	"spec": {"limits": [{"type": "Container", "default": defaults}]},
}

test_deny_missing_limits if {
	spec := {"containers": [_limited("web", {"cpu": "500m", "memory": "256Mi"}), fixtures.container("sidecar", "envoy:1.30")]}
	check.deny == {{
		"msg": `container "sidecar" sets no cpu or memory limit`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=sidecar].resources.limits",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_deny_missing_memory_on_init_container if {
	spec := {"initContainers": [_limited("init", {"cpu": "1"})], "containers": [_limited("app", {"cpu": "1", "memory": "1Gi"})]}
	{f.msg | some f in check.deny} == {`container "init" sets no memory limit`} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_deny_limit_range_in_other_namespace if {
	spec := {"containers": [fixtures.container("app", "app:1")]}
	inp := fixtures.manifest([_limit_range("other", {"cpu": "1", "memory": "1Gi"}), fixtures.workload("Job", "j", spec)])
	{f.resource | some f in check.deny} == {"Job/j"} with input as inp
}

test_allow_limits_set if {
	spec := {"containers": [_limited("app", {"cpu": "1", "memory": "1Gi"})], "ephemeralContainers": [fixtures.container("debug", "busybox:1.36")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("DaemonSet", "d", spec)])
}

test_allow_limit_range_default if {
	spec := {"containers": [_limited("app", {"memory": "1Gi"})]}
	inp := fixtures.manifest([_limit_range("default", {"cpu": "500m"}), fixtures.workload("Deployment", "web", spec)])
	check.deny == set() with input as inp
}

# In a batch of files (pkg/engine, EvalBatch) only a LimitRange of the
# workload's own file counts.
test_batch_joins_only_the_same_file if {
	spec := {"containers": [fixtures.container("a", "a:1")]}
	inp := fixtures.batch([
		[fixtures.workload("Job", "j", spec)],
		[_limit_range("default", {"cpu": "1", "memory": "1Gi"}), fixtures.workload("Job", "k", spec)],
	])
	{f.resource | some f in check.deny} == {"Job/j"} with input as inp
}

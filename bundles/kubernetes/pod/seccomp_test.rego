package tenet.kubernetes.pod.seccomp_test

import rego.v1

import data.tenet.kubernetes.pod.seccomp as check
import data.tenet.lib.fixtures

_container(name, type) := object.union(fixtures.container(name, "app:1"), {"securityContext": {"seccompProfile": {"type": type}}})

_unset(name) := sprintf("container %q sets no seccomp profile (seccompProfile.type is unset, so Unconfined)", [name])

test_deny_unset if {
	d := fixtures.workload("Deployment", "web", {"containers": [fixtures.container("web", "nginx:1.27")]})
	check.deny == {{
		"msg": _unset("web"),
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.seccompProfile.type",
	}} with input as fixtures.manifest([d])
}

test_deny_container_unconfined_overrides_pod if {
	spec := {"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}, "containers": [_container("a", "Unconfined"), fixtures.container("b", "b:1")]}
	{f.msg | some f in check.deny} == {`container "a" uses seccomp profile Unconfined instead of RuntimeDefault or Localhost`} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_deny_unconfined_annotation if {
	w := fixtures.workload("Deployment", "d", {"containers": [fixtures.container("app", "app:1")]})
	d := object.union(w, {"spec": {"template": {"metadata": {"annotations": {"seccomp.security.alpha.kubernetes.io/pod": "unconfined"}}}}})
	{f.msg | some f in check.deny} == {`container "app" uses seccomp profile Unconfined instead of RuntimeDefault or Localhost`} with input as fixtures.manifest([d])
}

test_deny_container_annotation_beats_pod_field if {
	w := fixtures.workload("Pod", "p", {"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}, "containers": [fixtures.container("app", "app:1")]})
	p := object.union(w, {"metadata": {"annotations": {"container.seccomp.security.alpha.kubernetes.io/app": "unconfined"}}})
	{f.attribute | some f in check.deny} == {"spec.containers[name=app].securityContext.seccompProfile.type"} with input as fixtures.manifest([p])
}

test_allow_pod_level_runtime_default if {
	spec := {"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}, "initContainers": [fixtures.container("i", "i:1")], "containers": [_container("a", "Localhost")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("CronJob", "c", spec)])
}

test_allow_annotations if {
	w := fixtures.workload("Deployment", "d", {"containers": [fixtures.container("a", "a:1"), fixtures.container("b", "b:1")]})
	ann := {"seccomp.security.alpha.kubernetes.io/pod": "runtime/default", "container.seccomp.security.alpha.kubernetes.io/b": "localhost/profiles/b.json"}
	d := object.union(w, {"spec": {"template": {"metadata": {"annotations": ann}}}})
	check.deny == set() with input as fixtures.manifest([d])
}

test_allow_windows_pod if {
	spec := {"os": {"name": "windows"}, "containers": [fixtures.container("app", "app:1")]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "win", spec)])
}

package tenet.kubernetes.pod.apparmor_test

import rego.v1

import data.tenet.kubernetes.pod.apparmor as check
import data.tenet.lib.fixtures

test_deny_pod_level_unconfined if {
	spec := {"securityContext": {"appArmorProfile": {"type": "Unconfined"}}, "containers": [fixtures.container("web", "nginx:1.27")]}
	check.deny == {{
		"msg": `container "web" runs with AppArmor profile Unconfined`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].securityContext.appArmorProfile.type",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_deny_annotation if {
	w := fixtures.workload("Pod", "p", {"containers": [fixtures.container("app", "app:1")]})
	p := object.union(w, {"metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"}}})
	check.deny == {{
		"msg": `annotation container.apparmor.security.beta.kubernetes.io/app runs container "app" without AppArmor (unconfined)`,
		"resource": "Pod/p",
		"attribute": "metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]",
	}} with input as fixtures.manifest([p])
}

test_allow_runtime_default_and_container_override if {
	c := object.union(fixtures.container("a", "a:1"), {"securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}}})
	spec := {"securityContext": {"appArmorProfile": {"type": "Unconfined"}}, "containers": [c]}
	w := fixtures.workload("Deployment", "d", {"containers": [fixtures.container("b", "b:1")]})
	d := object.union(w, {"spec": {"template": {"metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/b": "runtime/default"}}}}})
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Job", "j", spec), d])
}

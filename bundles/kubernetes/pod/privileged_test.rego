package tenet.kubernetes.pod.privileged_test

import rego.v1

import data.tenet.kubernetes.pod.privileged as check
import data.tenet.lib.fixtures

_privileged(name) := object.union(fixtures.container(name, "busybox:1.36"), {"securityContext": {"privileged": true}})

test_deny_privileged_container_in_deployment if {
	d := fixtures.workload("Deployment", "debug", {"containers": [fixtures.container("web", "nginx:1.27"), _privileged("toolbox")]})
	check.deny == {{
		"msg": `container "toolbox" runs privileged`,
		"resource": "Deployment/debug",
		"attribute": "spec.template.spec.containers[name=toolbox].securityContext.privileged",
	}} with input as fixtures.manifest([d])
}

test_deny_privileged_init_container_in_cronjob if {
	c := fixtures.workload("CronJob", "nightly", {"initContainers": [_privileged("setup")], "containers": [fixtures.container("job", "app:1")]})
	check.deny == {{
		"msg": `container "setup" runs privileged`,
		"resource": "CronJob/nightly",
		"attribute": "spec.jobTemplate.spec.template.spec.initContainers[name=setup].securityContext.privileged",
	}} with input as fixtures.manifest([c])
}

test_deny_privileged_ephemeral_container_in_pod if {
	p := fixtures.workload("Pod", "p", {"containers": [fixtures.container("app", "app:1")], "ephemeralContainers": [_privileged("debug")]})
	{f.attribute | some f in check.deny} == {"spec.ephemeralContainers[name=debug].securityContext.privileged"} with input as fixtures.manifest([p])
}

test_allow_unprivileged if {
	c := object.union(fixtures.container("web", "nginx:1.27"), {"securityContext": {"privileged": false}})
	inp := fixtures.manifest([
		fixtures.workload("StatefulSet", "db", {"containers": [c]}),
		fixtures.workload("DaemonSet", "agent", {"containers": [fixtures.container("agent", "agent:2")]}),
	])
	check.deny == set() with input as inp
}

package tenet.kubernetes.pod.image_tag_test

import rego.v1

import data.tenet.kubernetes.pod.image_tag as check
import data.tenet.lib.fixtures

test_deny_latest_tag if {
	d := fixtures.workload("Deployment", "debug", {"containers": [fixtures.container("toolbox", "busybox:latest")]})
	check.deny == {{
		"msg": `container "toolbox" uses image "busybox:latest", which uses the mutable tag latest`,
		"resource": "Deployment/debug",
		"attribute": "spec.template.spec.containers[name=toolbox].image",
	}} with input as fixtures.manifest([d])
}

test_deny_missing_tag_with_registry_port if {
	spec := {"containers": [fixtures.container("app", "registry.local:5000/team/app")]}
	check.deny == {{
		"msg": `container "app" uses image "registry.local:5000/team/app", which has no tag`,
		"resource": "CronJob/c",
		"attribute": "spec.jobTemplate.spec.template.spec.containers[name=app].image",
	}} with input as fixtures.manifest([fixtures.workload("CronJob", "c", spec)])
}

test_deny_init_container if {
	spec := {"initContainers": [fixtures.container("init", "busybox")], "containers": [fixtures.container("app", "app:1.2.3")]}
	{f.attribute | some f in check.deny} == {"spec.initContainers[name=init].image"} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_version_tag_or_digest if {
	spec := {"containers": [
		fixtures.container("a", "nginx:1.27.2"),
		fixtures.container("b", "registry.local:5000/team/app:2024-05-01"),
		fixtures.container("c", "busybox@sha256:0123456789abcdef"),
		fixtures.container("d", "busybox:latest@sha256:0123456789abcdef"),
	]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("ReplicationController", "rc", spec)])
}

package tenet.kubernetes.pod.allowed_registries_test

import rego.v1

import data.tenet.kubernetes.pod.allowed_registries as check
import data.tenet.lib.fixtures

_params(list) := {"allowed_registries": list}

_deploy(images) := fixtures.workload("Deployment", "web", {"containers": [fixtures.container(sprintf("c%d", [i]), img) | some i, img in images]})

test_allow_when_parameter_unset if {
	check.deny == set() with input as fixtures.manifest([_deploy(["nginx:1.27", "quay.io/x/y:1"])])
}

test_allow_when_parameter_empty if {
	check.deny == set() with input as fixtures.manifest([_deploy(["nginx:1.27"])]) with data.tenet.params as _params([])
}

test_deny_docker_hub_short_name if {
	check.deny == {{
		"msg": `container "c0" pulls nginx:1.27 from docker.io/library/nginx, which allowed_registries does not list`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=c0].image",
	}} with input as fixtures.manifest([_deploy(["nginx:1.27", "ghcr.io/acme/api:2"])]) with data.tenet.params as _params(["ghcr.io/acme/"])
}

test_deny_look_alike_prefix if {
	{f.attribute | some f in check.deny} == {"spec.template.spec.containers[name=c0].image"} with input as fixtures.manifest([_deploy(["ghcr.io/acme-labs/api:2", "ghcr.io/acme/api:2"])])
		with data.tenet.params as _params(["ghcr.io/acme"])
}

test_deny_init_container_of_cronjob if {
	spec := {"initContainers": [fixtures.container("init", "busybox:1.36")], "containers": [fixtures.container("job", "registry.acme.io/jobs/report:3")]}
	{f.attribute | some f in check.deny} == {"spec.jobTemplate.spec.template.spec.initContainers[name=init].image"} with input as fixtures.manifest([fixtures.workload("CronJob", "report", spec)])
		with data.tenet.params as _params(["registry.acme.io"])
}

test_allow_hosts_and_library if {
	inp := fixtures.manifest([_deploy(["python:3.12", "index.docker.io/library/redis:7", "registry.acme.io:5000/app@sha256:ab", "GHCR.IO/acme/web:1"])])
	check.deny == set() with input as inp with data.tenet.params as _params(["docker.io/library/", "registry.acme.io:5000", "ghcr.io/acme/"])
}

test_allow_image_missing_or_not_a_string if {
	d := fixtures.workload("Pod", "p", {"containers": [{"name": "a"}, {"name": "b", "image": ""}, {"name": "c", "image": 3}]})
	check.deny == set() with input as fixtures.manifest([d]) with data.tenet.params as _params(["ghcr.io/acme/"])
}

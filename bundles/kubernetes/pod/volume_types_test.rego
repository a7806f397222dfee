package tenet.kubernetes.pod.volume_types_test

import rego.v1

import data.tenet.kubernetes.pod.volume_types as check
import data.tenet.lib.fixtures

_spec(volumes) := {"containers": [fixtures.container("app", "app:1")], "volumes": volumes}

test_deny_nfs if {
	spec := _spec([{"name": "share", "nfs": {"server": "nfs.local", "path": "/exports"}}, {"name": "tmp", "emptyDir": {}}])
	check.deny == {{
		"msg": `volume "share" uses source nfs, which the restricted profile does not allow`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.volumes[name=share].nfs",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_deny_host_path_and_git_repo if {
	spec := _spec([{"name": "h", "hostPath": {"path": "/var/log"}}, {"name": "g", "gitRepo": {"repository": "https://example.com/r.git"}}])
	{f.attribute | some f in check.deny} == {"spec.volumes[name=h].hostPath", "spec.volumes[name=g].gitRepo"} with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}

test_allow_restricted_types if {
	spec := _spec([
		{"name": "a", "configMap": {"name": "c"}},
		{"name": "b", "secret": {"secretName": "s"}},
		{"name": "c", "persistentVolumeClaim": {"claimName": "data"}},
		{"name": "d", "projected": {"sources": []}},
		{"name": "e", "downwardAPI": {"items": []}},
		{"name": "f", "emptyDir": {}, "hostPath": null},
		{"name": "g", "csi": {"driver": "x"}},
		{"name": "h", "ephemeral": {"volumeClaimTemplate": {}}},
	])
	check.deny == set() with input as fixtures.manifest([fixtures.workload("StatefulSet", "s", spec)])
}

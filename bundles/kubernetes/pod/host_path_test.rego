package tenet.kubernetes.pod.host_path_test

import rego.v1

import data.tenet.kubernetes.pod.host_path as check
import data.tenet.lib.fixtures

_spec(volumes) := {"containers": [fixtures.container("app", "app:1")], "volumes": volumes}

test_deny_host_path if {
	spec := _spec([{"name": "logs", "hostPath": {"path": "/var/log", "type": "Directory"}}, {"name": "tmp", "emptyDir": {}}])
	check.deny == {{
		"msg": `volume "logs" mounts host path "/var/log"`,
		"resource": "DaemonSet/collector",
		"attribute": "spec.template.spec.volumes[name=logs].hostPath",
	}} with input as fixtures.manifest([fixtures.workload("DaemonSet", "collector", spec)])
}

test_deny_in_cronjob if {
	spec := _spec([{"name": "root", "hostPath": {"path": "/"}}])
	{f.attribute | some f in check.deny} == {"spec.jobTemplate.spec.template.spec.volumes[name=root].hostPath"} with input as fixtures.manifest([fixtures.workload("CronJob", "c", spec)])
}

test_allow_other_volumes if {
	spec := _spec([{"name": "data", "persistentVolumeClaim": {"claimName": "data"}}, {"name": "cfg", "configMap": {"name": "cfg"}}])
	inp := fixtures.manifest([fixtures.workload("StatefulSet", "s", spec), fixtures.workload("Pod", "p", {"containers": [fixtures.container("a", "a:1")]})])
	check.deny == set() with input as inp
}

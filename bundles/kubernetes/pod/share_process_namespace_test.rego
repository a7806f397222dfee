package tenet.kubernetes.pod.share_process_namespace_test

import rego.v1

import data.tenet.kubernetes.pod.share_process_namespace as check
import data.tenet.lib.fixtures

test_deny_shared if {
	spec := {"shareProcessNamespace": true, "containers": [fixtures.container("a", "a:1"), fixtures.container("b", "b:1")]}
	check.deny == {{
		"msg": `the containers of StatefulSet "db" share one process namespace`,
		"resource": "StatefulSet/db",
		"attribute": "spec.template.spec.shareProcessNamespace",
	}} with input as fixtures.manifest([fixtures.workload("StatefulSet", "db", spec)])
}

test_allow_unset_or_false if {
	inp := fixtures.manifest([
		fixtures.workload("Pod", "a", {"containers": [fixtures.container("a", "a:1")]}),
		fixtures.workload("Pod", "b", {"shareProcessNamespace": false, "containers": [fixtures.container("a", "a:1")]}),
	])
	check.deny == set() with input as inp
}

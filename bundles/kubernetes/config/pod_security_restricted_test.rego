package tenet.kubernetes.config.pod_security_restricted_test

import rego.v1

import data.tenet.kubernetes.config.pod_security_restricted as check
import data.tenet.lib.fixtures

_ns(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

test_deny_baseline if {
	check.deny == {{
		"msg": `namespace "shop" enforces the baseline Pod Security Standard, not restricted`,
		"resource": "Namespace/shop",
		"attribute": "metadata.labels[pod-security.kubernetes.io/enforce]",
	}} with input as fixtures.manifest([_ns("shop", {"pod-security.kubernetes.io/enforce": "baseline"})])
}

test_allow_restricted_unlabelled_and_system if {
	inp := fixtures.manifest([
		_ns("a", {"pod-security.kubernetes.io/enforce": "restricted"}),
		_ns("b", {}),
		_ns("kube-system", {"pod-security.kubernetes.io/enforce": "baseline"}),
	])
	check.deny == set() with input as inp
}

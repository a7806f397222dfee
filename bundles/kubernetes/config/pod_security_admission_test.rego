package tenet.kubernetes.config.pod_security_admission_test

import rego.v1

import data.tenet.kubernetes.config.pod_security_admission as check
import data.tenet.lib.fixtures

_ns(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

test_deny_missing_label if {
	check.deny == {{
		"msg": `namespace "shop" has no pod-security.kubernetes.io/enforce label`,
		"resource": "Namespace/shop",
		"attribute": "metadata.labels[pod-security.kubernetes.io/enforce]",
	}} with input as fixtures.manifest([_ns("shop", {"pod-security.kubernetes.io/warn": "restricted"})])
}

test_deny_privileged if {
	{f.msg | some f in check.deny} == {`namespace "ops" sets pod-security.kubernetes.io/enforce to privileged instead of baseline or restricted`} with input as fixtures.manifest([_ns("ops", {"pod-security.kubernetes.io/enforce": "privileged"})])
}

test_allow_baseline_restricted_and_system if {
	inp := fixtures.manifest([
		_ns("a", {"pod-security.kubernetes.io/enforce": "baseline"}),
		_ns("b", {"pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest"}),
		{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kube-system"}},
	])
	check.deny == set() with input as inp
}

package tenet.kubernetes.pod.service_account_token_test

import rego.v1

import data.tenet.kubernetes.pod.service_account_token as check
import data.tenet.lib.fixtures

_sa(name, ns, automount) := {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "namespace": ns}, "automountServiceAccountToken": automount}

_spec(extra) := object.union({"containers": [fixtures.container("app", "app:1")]}, extra)

test_deny_default_service_account if {
	check.deny == {{
		"msg": `the pod mounts a token of service account "default": neither the pod nor the ServiceAccount sets automountServiceAccountToken to false`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.automountServiceAccountToken",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", _spec({}))])
}

test_deny_service_account_not_opted_out if {
	inp := fixtures.manifest([
		_sa("api", "default", true),
		_sa("api", "other", false),
		fixtures.workload("Pod", "p", _spec({"serviceAccountName": "api"})),
	])
	{f.msg | some f in check.deny} == {`the pod mounts a token of service account "api": neither the pod nor the ServiceAccount sets automountServiceAccountToken to false`} with input as inp
}

test_allow_pod_or_service_account_opt_out if {
	inp := fixtures.manifest([
		_sa("worker", "default", false),
		fixtures.workload("Deployment", "a", _spec({"automountServiceAccountToken": false})),
		fixtures.workload("Deployment", "b", _spec({"serviceAccountName": "worker"})),
		fixtures.workload("CronJob", "c", _spec({"serviceAccount": "worker"})),
	])
	check.deny == set() with input as inp
}

test_allow_explicit_opt_in if {
	check.deny == set() with input as fixtures.manifest([_sa("ctl", "default", false), fixtures.workload("Deployment", "ctl", _spec({"serviceAccountName": "ctl", "automountServiceAccountToken": true}))])
}

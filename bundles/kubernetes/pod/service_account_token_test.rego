package tenet.kubernetes.pod.service_account_token_test

import rego.v1

import data.tenet.kubernetes.pod.service_account_token as check
import data.tenet.lib.fixtures

_sa(name, ns, automount) := {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "namespace": ns}, "automountServiceAccountToken": automount}

_spec(extra) := object.union({"containers": [fixtures.container("app", "app:1")]}, extra)

test_deny_default_service_account if {
	check.deny == {{
		"msg": `the pod mounts a token of service account "default": the pod does not set automountServiceAccountToken to false, and the ServiceAccount is not in this input to say otherwise`,
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

_no_sa_msg(name) := sprintf("the pod mounts a token of service account %q: the pod does not set automountServiceAccountToken to false, and the ServiceAccount is not in this input to say otherwise", [name])

_sa_msg(name) := sprintf("the pod mounts a token of service account %q: neither the pod nor the ServiceAccount sets automountServiceAccountToken to false", [name])

_pod(name, ns, extra) := {"apiVersion": "v1", "kind": "Pod", "metadata": object.union({"name": name}, _ns(ns)), "spec": _spec(extra)}

_ns("") := {}

_ns(ns) := {"namespace": ns} if ns != ""

_namespace_less_sa(name, automount) := {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name}, "automountServiceAccountToken": automount}

# Pods are joined to the ServiceAccount they name (default "default") in
# their own namespace; a ServiceAccount without a namespace is applied
# beside them.
test_join_by_name_and_namespace if {
	inp := fixtures.manifest([
		_sa("default", "a", false),
		_sa("default", "b", true),
		_sa("worker", "b", false),
		_namespace_less_sa("builder", false),
		_pod("p1", "a", {}),
		_pod("p2", "b", {}),
		_pod("p3", "b", {"serviceAccountName": "worker"}),
		_pod("p4", "a", {"serviceAccountName": "worker"}),
		_pod("p5", "c", {"serviceAccountName": "builder"}),
	])
	{f.resource: f.msg | some f in check.deny} == {
		"b/Pod/p2": _sa_msg("default"),
		"a/Pod/p4": _no_sa_msg("worker"),
	} with input as inp
	check.unknown == set() with input as inp
}

# The pod's own setting wins over the ServiceAccount's, both ways.
test_pod_setting_overrides_service_account if {
	inp := fixtures.manifest([
		_sa("default", "a", true),
		_sa("quiet", "a", false),
		_pod("off", "a", {"automountServiceAccountToken": false}),
		_pod("on", "a", {"serviceAccountName": "quiet", "automountServiceAccountToken": true}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

# Without the ServiceAccount in the input the pod is judged alone: Kubernetes
# mounts the token unless something says otherwise, and nothing here does.
test_deny_service_account_not_in_input if {
	inp := fixtures.manifest([_pod("p", "a", {"serviceAccountName": "api"})])
	check.deny == {{"msg": _no_sa_msg("api"), "resource": "a/Pod/p", "attribute": "spec.automountServiceAccountToken"}} with input as inp
}

# A pod without a namespace lands where it is applied; a ServiceAccount that
# turns the token off in one named namespace decides it only if the pod is
# applied there.
test_unknown_namespace_less_pod_and_namespaced_service_account if {
	inp := fixtures.manifest([_sa("default", "default", false), _pod("p", "", {})])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": `metadata.namespace is not set: service account "default" sets automountServiceAccountToken to false only in namespace "default", and the pod's namespace is chosen when the manifest is applied`,
		"resource": "Pod/p",
		"attribute": "spec.automountServiceAccountToken",
	}} with input as inp
}

test_deny_namespace_less_pod_when_no_service_account_opts_out if {
	inp := fixtures.manifest([_sa("default", "default", true), _pod("p", "", {})])
	check.deny == {{"msg": _sa_msg("default"), "resource": "Pod/p", "attribute": "spec.automountServiceAccountToken"}} with input as inp
	check.unknown == set() with input as inp
}

# A ServiceAccount without a namespace is applied beside the pod and decides.
test_deny_namespace_less_pod_beside_service_account if {
	inp := fixtures.manifest([_sa("default", "x", false), _namespace_less_sa("default", true), _pod("p", "", {})])
	{f.msg | some f in check.deny} == {_sa_msg("default")} with input as inp
	check.unknown == set() with input as inp
}

test_unknown_lists_every_namespace_once if {
	inp := fixtures.manifest([_sa("default", "x", false), _sa("default", "a", false), _pod("p", "", {})])
	[f.msg | some f in check.unknown] == [`metadata.namespace is not set: service account "default" sets automountServiceAccountToken to false only in namespaces "a", "x", and the pod's namespace is chosen when the manifest is applied`] with input as inp
}

# In a batch of files (pkg/engine, EvalBatch) a pod is joined only to the
# ServiceAccounts of its own file: one elsewhere neither opts it out, nor
# makes it unknown, nor hides a namespace-less one beside it.
test_batch_joins_only_the_same_file if {
	inp := fixtures.batch([
		[_pod("p1", "a", {})],
		[_sa("default", "a", false), _pod("p2", "", {"serviceAccountName": "x"})],
		[_namespace_less_sa("x", true), _sa("x", "b", false)],
	])
	{f.resource: f.msg | some f in check.deny} == {"a/Pod/p1": _no_sa_msg("default"), "Pod/p2": _no_sa_msg("x")} with input as inp
	check.unknown == set() with input as inp
	inp2 := fixtures.batch([[_sa("x", "b", false), _pod("p2", "", {"serviceAccountName": "x"})], [_namespace_less_sa("x", true)]])
	check.deny == set() with input as inp2
	count(check.unknown) == 1 with input as inp2
}

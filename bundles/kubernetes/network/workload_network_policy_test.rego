package tenet.kubernetes.network.workload_network_policy_test

import rego.v1

import data.tenet.kubernetes.network.workload_network_policy as check
import data.tenet.lib.fixtures

_np(ns, name, selector) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "namespace": ns}, "spec": {"podSelector": selector, "policyTypes": ["Ingress"]}}

_np_nons(name, selector) := json.remove(_np("x", name, selector), ["metadata/namespace"])

_deploy(ns, name, labels) := object.union(fixtures.workload("Deployment", name, {"containers": [fixtures.container("app", "app:1")]}), {
	"metadata": {"namespace": ns},
	"spec": {"template": {"metadata": {"labels": labels}}},
})

test_deny_workload_no_policy_selects if {
	inp := fixtures.manifest([_deploy("shop", "web", {"app": "web"}), _deploy("shop", "api", {"app": "api"}), _np("shop", "api", {"matchLabels": {"app": "api"}})])
	check.deny == {{
		"msg": `no NetworkPolicy of namespace "shop" selects the pods of Deployment "web" (1 in this input): their traffic is not restricted`,
		"resource": "shop/Deployment/web",
		"attribute": "spec.template.metadata.labels",
	}} with input as inp
}

test_allow_default_deny_selects_all if {
	inp := fixtures.manifest([_deploy("shop", "web", {"app": "web"}), _np("shop", "deny-all", {})])
	check.deny == set() with input as inp
}

test_allow_match_expressions if {
	sel := {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web", "api"]}]}
	check.deny == set() with input as fixtures.manifest([_deploy("shop", "web", {"app": "web"}), _np("shop", "front", sel)])
}

test_allow_no_policy_for_the_namespace if {
	inp := fixtures.manifest([_deploy("shop", "web", {"app": "web"}), _np("other", "api", {"matchLabels": {"app": "api"}})])
	check.deny == set() with input as inp
}

test_policy_without_namespace_applies_to_named_namespace if {
	inp := fixtures.manifest([_deploy("shop", "web", {"app": "web"}), _np_nons("api", {"matchLabels": {"app": "api"}})])
	count(check.deny) == 1 with input as inp
	check.deny == set() with input as fixtures.manifest([_deploy("shop", "web", {"app": "web"}), _np_nons("all", {})])
}

test_workload_without_namespace if {
	w := json.remove(_deploy("x", "web", {"app": "web"}), ["metadata/namespace"])
	{f.msg | some f in check.deny} == {`no NetworkPolicy of the manifest's namespace selects the pods of Deployment "web" (1 in this input): their traffic is not restricted`} with input as fixtures.manifest([w, _np_nons("api", {"matchLabels": {"app": "api"}})])

	# A policy of a named namespace may or may not be where w goes.
	check.deny == set() with input as fixtures.manifest([w, _np("shop", "api", {"matchLabels": {"app": "api"}})])
}

test_allow_host_network_pod if {
	p := object.union(fixtures.workload("Pod", "agent", {"hostNetwork": true, "containers": [fixtures.container("a", "a:1")]}), {"metadata": {"namespace": "shop"}})
	check.deny == set() with input as fixtures.manifest([p, _np("shop", "api", {"matchLabels": {"app": "api"}})])
}

# In a batch of files (pkg/engine, EvalBatch) only the policies of the
# workload's own file count.
test_batch_joins_only_the_same_file if {
	inp := fixtures.batch([
		[_deploy("shop", "web", {"app": "web"})],
		[_np("shop", "api", {"matchLabels": {"app": "api"}}), _deploy("shop", "api", {"app": "api"})],
	])
	check.deny == set() with input as inp
	inp2 := fixtures.batch([
		[_deploy("shop", "web", {"app": "web"}), _np("shop", "api", {"matchLabels": {"app": "api"}})],
		[_np("shop", "deny-all", {})],
	])
	{f.resource | some f in check.deny} == {"shop/Deployment/web"} with input as inp2
}

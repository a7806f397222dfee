package tenet.kubernetes.network.default_deny_test

import rego.v1

import data.tenet.kubernetes.network.default_deny as check
import data.tenet.lib.fixtures

_ns(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

_policy(name, spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "namespace": "shop"}, "spec": spec}

test_deny_without_default_deny if {
	allow := _policy("allow-web", {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress", "Egress"]})
	check.deny == {{"msg": `namespace "shop" has no default-deny NetworkPolicy for Ingress and Egress`, "resource": "Namespace/shop"}} with input as fixtures.manifest([_ns("shop"), allow])
}

test_deny_ingress_only if {
	inp := fixtures.manifest([_ns("shop"), _policy("deny-ingress", {"podSelector": {}})])
	{f.msg | some f in check.deny} == {`namespace "shop" has no default-deny NetworkPolicy for Egress`} with input as inp
}

test_deny_policy_with_allow_rules if {
	p := _policy("all", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"], "ingress": [{"from": [{"podSelector": {}}]}], "egress": [{}]})
	{f.msg | some f in check.deny} == {`namespace "shop" has no default-deny NetworkPolicy for Ingress and Egress`} with input as fixtures.manifest([_ns("shop"), p])
}

test_allow_one_policy if {
	p := _policy("default-deny", {"podSelector": {"matchLabels": {}}, "policyTypes": ["Ingress", "Egress"]})
	check.deny == set() with input as fixtures.manifest([_ns("shop"), p])
}

test_allow_two_policies if {
	inp := fixtures.manifest([
		_ns("shop"),
		_policy("deny-ingress", {"podSelector": {}, "policyTypes": ["Ingress"], "ingress": []}),
		_policy("deny-egress", {"podSelector": {}, "policyTypes": ["Egress"]}),
	])
	check.deny == set() with input as inp
}

test_allow_selector_omitted_and_implicit_types if {
	inp := fixtures.manifest([
		_ns("shop"),
		_policy("deny-ingress", {"podSelector": null}),
		_policy("allow-dns", {"podSelector": {}, "egress": [{"ports": [{"port": 53, "protocol": "UDP"}]}]}),
		_policy("deny-egress", {"podSelector": {}, "policyTypes": ["Egress"]}),
	])
	check.deny == set() with input as inp
}

test_deny_implicit_egress_with_rules if {
	inp := fixtures.manifest([_ns("shop"), _policy("p", {"podSelector": {}, "egress": [{"ports": [{"port": 53}]}]})])
	{f.msg | some f in check.deny} == {`namespace "shop" has no default-deny NetworkPolicy for Egress`} with input as inp
}

# In a batch of files (pkg/engine, EvalBatch) only the policies of the
# namespace's own file count.
test_batch_joins_only_the_same_file if {
	deny_all := _policy("default-deny", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})
	inp := fixtures.batch([[_ns("shop")], [deny_all, object.union(_ns("shop"), {"metadata": {"name": "web"}})]])
	{f.resource | some f in check.deny} == {"Namespace/shop", "Namespace/web"} with input as inp
	check.deny == set() with input as fixtures.batch([[_ns("shop"), deny_all]])
}

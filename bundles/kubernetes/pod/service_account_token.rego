# METADATA
# title: Pods mount a service account token only when they ask for one
# description: >-
#   Every pod gets a token for the Kubernetes API unless told otherwise, and
#   an intruder in the pod can use it with whatever rights the service
#   account has. Pods that do not call the API should not carry it. A pod
#   that does not set automountServiceAccountToken takes the setting of the
#   ServiceAccount it uses (its serviceAccountName, else default, in its
#   namespace), which must then be in the same input to count; without it
#   the pod is judged alone.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
# custom:
#   id: TNT-K8S-POD-028
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.6"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["pod/sa-tokens"]
#   remediation: Set automountServiceAccountToken = false on the pod spec or its ServiceAccount, and true only on pods that call the Kubernetes API.
package tenet.kubernetes.pod.service_account_token

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# The pod spec's value wins over the ServiceAccount's. rules.csv exempts
# workloads "labelled as needing API access": an explicit
# automountServiceAccountToken: true on the pod is that statement, so only
# pods that leave it unset are judged. A pod is joined to the ServiceAccount
# it names (serviceAccountName, the deprecated serviceAccount, else
# "default") in the same input: in its namespace, or without a namespace
# (applied beside it, see kubernetes.in_namespace). Without that
# ServiceAccount in the input the pod is judged alone and fails: Kubernetes
# mounts the token unless something says otherwise (the default
# ServiceAccount that every namespace gets does not).
deny contains result.fail_attr(w, kubernetes.spec_attr(w, _attr), msg) if {
	some w in _unset
	name := _service_account(kubernetes.pod_spec(w))
	count(_accounts(w, name)) > 0
	not _opted_out(w, name)
	count(_elsewhere(w, name)) == 0
	msg := sprintf("the pod mounts a token of service account %q: neither the pod nor the ServiceAccount sets automountServiceAccountToken to false", [name])
}

deny contains result.fail_attr(w, kubernetes.spec_attr(w, _attr), msg) if {
	some w in _unset
	name := _service_account(kubernetes.pod_spec(w))
	count(_accounts(w, name)) == 0
	msg := sprintf("the pod mounts a token of service account %q: the pod does not set automountServiceAccountToken to false, and the ServiceAccount is not in this input to say otherwise", [name])
}

# A pod without metadata.namespace lands in the namespace chosen when the
# manifest is applied: a ServiceAccount of its name that turns the token off
# in a named namespace decides only if the pod is applied there.
unknown contains result.unknown_msg(w, kubernetes.spec_attr(w, _attr), msg) if {
	some w in _unset
	name := _service_account(kubernetes.pod_spec(w))
	not _opted_out(w, name)
	namespaces := sort({kubernetes.namespace(sa) | some sa in _elsewhere(w, name)})
	count(namespaces) > 0
	msg := sprintf("metadata.namespace is not set: service account %q sets automountServiceAccountToken to false only in %s %s, and the pod's namespace is chosen when the manifest is applied", [name, _noun(namespaces), concat(", ", [sprintf("%q", [ns]) | some ns in namespaces])])
}

_attr := "automountServiceAccountToken"

_noun(namespaces) := "namespace" if count(namespaces) == 1

_noun(namespaces) := "namespaces" if count(namespaces) > 1

_unset contains w if {
	some w in kubernetes.workloads
	object.get(kubernetes.pod_spec(w), _attr, null) == null
}

_service_account(spec) := spec.serviceAccountName if {
	is_string(spec.serviceAccountName)
	spec.serviceAccountName != ""
} else := spec.serviceAccount if {
	is_string(spec.serviceAccount)
	spec.serviceAccount != ""
} else := "default"

# _accounts(w, name) is the ServiceAccounts named name that w's pods may
# use: in w's namespace or without one, and, for a w without a namespace, in
# any namespace.
_accounts(w, name) := [sa |
	some sa in kubernetes.objects_beside(w, "ServiceAccount")
	sa.name == name
	_may_use(w, sa)
]

_may_use(w, sa) if kubernetes.in_namespace(sa, kubernetes.namespace(w))

_may_use(w, _) if kubernetes.namespace(w) == ""

_opted_out(w, name) if {
	some sa in _accounts(w, name)
	kubernetes.in_namespace(sa, kubernetes.namespace(w))
	sa.values.automountServiceAccountToken == false
}

# _elsewhere(w, name) is, for a pod without a namespace and no
# ServiceAccount named name without one (which would be applied beside it
# and decide), the ServiceAccounts named name in a named namespace that turn
# the token off.
_elsewhere(w, name) := [sa |
	kubernetes.namespace(w) == ""
	not _beside(w, name)
	some sa in _accounts(w, name)
	kubernetes.namespace(sa) != ""
	sa.values.automountServiceAccountToken == false
]

_beside(w, name) if {
	some sa in kubernetes.objects_beside(w, "ServiceAccount")
	sa.name == name
	kubernetes.namespace(sa) == ""
}

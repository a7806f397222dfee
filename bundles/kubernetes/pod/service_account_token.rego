# METADATA
# title: Pods mount a service account token only when they ask for one
# description: >-
#   Every pod gets a token for the Kubernetes API unless told otherwise, and
#   an intruder in the pod can use it with whatever rights the service
#   account has. Pods that do not call the API should not carry it.
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
#   controls:
#     cis-k8s-1.10.0: ["5.1.6"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set automountServiceAccountToken = false on the pod spec or its ServiceAccount, and true only on pods that call the Kubernetes API.
package tenet.kubernetes.pod.service_account_token

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# The pod spec's value wins over the ServiceAccount's. rules.csv exempts
# workloads "labelled as needing API access": an explicit
# automountServiceAccountToken: true on the pod is that statement, so only
# pods that leave it unset and whose ServiceAccount (in the same input) does
# not turn it off are reported.
deny contains result.fail_attr(w, kubernetes.spec_attr(w, "automountServiceAccountToken"), msg) if {
	some w in kubernetes.workloads
	spec := kubernetes.pod_spec(w)
	object.get(spec, "automountServiceAccountToken", null) == null
	name := _service_account(spec)
	not _opted_out(w, name)
	msg := sprintf("the pod mounts a token of service account %q: neither the pod nor the ServiceAccount sets automountServiceAccountToken to false", [name])
}

_service_account(spec) := spec.serviceAccountName if {
	is_string(spec.serviceAccountName)
	spec.serviceAccountName != ""
} else := spec.serviceAccount if {
	is_string(spec.serviceAccount)
	spec.serviceAccount != ""
} else := "default"

_opted_out(w, name) if {
	some sa in kubernetes.objects("ServiceAccount")
	sa.name == name
	kubernetes.in_namespace(sa, kubernetes.namespace(w))
	sa.values.automountServiceAccountToken == false
}

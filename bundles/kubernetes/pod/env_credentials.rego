# METADATA
# title: Containers do not carry credentials as literal environment values
# description: >-
#   A password or token written as an env value sits in clear text in the
#   manifest, in version control, in every copy of the workload's spec that
#   the API server hands out to readers of the object, and in the
#   container's environment. Credentials belong in Secrets, mounted as files.
#   A variable counts when its name is a credential's (DB_PASSWORD,
#   API_TOKEN, but not PASSWORD_FILE) and its value a literal, or when its
#   value has the form of a private key or a well-known access key or token.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/secret/
#   - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: TNT-K8S-POD-035
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/secrets"]
#   remediation: Move the value into a Secret, mount it as a file (or, failing that, use env[].valueFrom.secretKeyRef), and rotate the credential that was written in the manifest.
package tenet.kubernetes.pod.env_credentials

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, sprintf("env[%d].value", [i])), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	some i, e in c.env
	is_string(e.value)
	some problem in _problems(e.name, e.value)
	msg := sprintf("container %q variable %s %s", [kubernetes.container_name(c), e.name, problem])
}

# $(NAME) expands another variable of the container, not a literal.
_problems(name, value) := {sprintf("holds %s", [what]) |
	some what, pattern in kubernetes.credential_patterns
	regex.match(pattern, value)
} | {"is named like a credential and holds a literal value" |
	is_string(name)
	kubernetes.credential_key(name)
	kubernetes.literal_value(value)
	not regex.match(`^\$\([A-Za-z_][A-Za-z0-9_]*\)$`, trim_space(value))
}

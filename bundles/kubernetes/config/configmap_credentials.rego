# METADATA
# title: ConfigMaps hold no credentials
# description: >-
#   ConfigMaps are readable by far more subjects than Secrets, are not
#   encrypted at rest by the API server and end up in logs, dumps and Git.
#   Passwords, tokens and keys belong in Secrets or an external secret
#   store.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/configmap/
#   - https://kubernetes.io/docs/concepts/configuration/secret/
# custom:
#   id: TNT-K8S-CFG-001
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [ConfigMap]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/secrets"]
#   remediation: Move the credential to a Secret (or an external secret manager) and reference it from the workload instead of the ConfigMap.
package tenet.kubernetes.config.configmap_credentials

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(cm, sprintf("%s.%s", [field, key]), msg) if {
	some cm in kubernetes.objects("ConfigMap")
	some field in ["data", "binaryData"]
	some key, value in cm.values[field]
	is_string(value)
	some problem in _problems(field, key, value)
	msg := sprintf("ConfigMap %q key %s %s", [cm.name, key, problem])
}

_problems(field, key, value) := {sprintf("holds %s", [name]) |
	text := _text(field, value)
	some name, pattern in kubernetes.credential_patterns
	regex.match(pattern, text)
} | {"is named like a credential and holds a literal value" |
	field == "data"
	kubernetes.credential_key(key)
	kubernetes.literal_value(value)
}

_text("data", value) := value

_text("binaryData", value) := base64.decode(value)

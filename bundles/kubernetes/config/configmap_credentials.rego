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

_patterns := {
	"a private key": `-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----`,
	"an AWS access key id": `\b(AKIA|ASIA)[A-Z0-9]{16}\b`,
	"a GitHub token": `\bgh[pousr]_[A-Za-z0-9]{36}\b`,
	"a Slack token": `\bxox[abposr]-[A-Za-z0-9-]{10,}`,
	"a Google API key": `\bAIza[0-9A-Za-z_-]{35}\b`,
}

_problems(field, key, value) := {sprintf("holds %s", [name]) |
	text := _text(field, value)
	some name, pattern in _patterns
	regex.match(pattern, text)
} | {"is named like a credential and holds a literal value" |
	field == "data"
	_credential_key(key)
	_literal(value)
}

_text("data", value) := value

_text("binaryData", value) := base64.decode(value)

# A key whose words (split at _ . - and camelCase) include password,
# secret, token or api key, such as DB_PASSWORD or apiToken, but not
# password_file, token_path or secretName, which point at a credential
# instead of holding it, nor tokenizer.
_credential_key(key) if {
	k := lower(regex.replace(key, `([a-z0-9])([A-Z])`, "${1}_${2}"))
	regex.match(`(^|[_.-])(password|passwd|secret|token|api_?key)s?($|[_.-])`, k)
	not regex.match(`[_.-](file|path|dir|name|ref|env|url|uri|endpoint|ttl|expiry|expiration|timeout|length|policy|enabled|type|mount|header|key_id)$`, k)
}

# A single-line value that is not empty, a placeholder (${X}, {{ x }},
# <x>), a path, a number or a boolean.
_literal(value) if {
	v := trim_space(value)
	count(v) >= 6
	not contains(v, "\n")
	not regex.match(`^(\$\{.*\}|\$[A-Za-z_]+|\{\{.*\}\}|<.*>|/.*|[0-9.]+|true|false|yes|no|null|none|changeme)$`, lower(v))
}

# METADATA
# title: API keys may call only the APIs their application needs
# description: >-
#   An API key is a bearer secret that usually ships inside a web page or an
#   app, where anyone can read it. Without API targets, or with the
#   cloudapis.googleapis.com collection, a leaked key can call every API
#   enabled in the project; naming the few services the application uses
#   limits what a stolen key can do.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/apikeys_key#api_targets
#   - https://cloud.google.com/docs/authentication/api-keys#api_key_restrictions
# custom:
#   id: TNT-GCP-IAM-007
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["1.14"]
#     cis-gcp-3.0.0: ["1.14"]
#     nist-800-53-r5: ["AC-3", "AC-6", "IA-5"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["7.2.1"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_apikeys_key]
#     per_resource: true
#   remediation: Add restrictions { api_targets { service = "SERVICE.googleapis.com" } } naming each API the application calls, never cloudapis.googleapis.com.
package tenet.gcp.iam.api_key_api_targets

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_targets := "restrictions.0.api_targets"

deny contains result.fail_attr(k, _targets, "the key has no API targets: it can call every API enabled in the project") if {
	some k in terraform.resources("google_apikeys_key")
	not compute.set_unknown(k, _targets)
	count(terraform.get(k, _targets, [])) == 0
}

deny contains result.fail_attr(k, sprintf("%s.%d.service", [_targets, i]), "the key targets cloudapis.googleapis.com, which stands for every Google Cloud API") if {
	some k in terraform.resources("google_apikeys_key")
	some i, t in terraform.get(k, _targets, [])
	object.get(t, "service", "") == "cloudapis.googleapis.com"
}

unknown contains result.unknown(k, _targets) if {
	some k in terraform.resources("google_apikeys_key")
	compute.set_unknown(k, _targets)
}

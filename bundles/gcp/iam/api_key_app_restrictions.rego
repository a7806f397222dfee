# METADATA
# title: API keys are usable only from named websites, addresses or apps
# description: >-
#   An API key without an application restriction works from anywhere, so a
#   key copied out of a page or an app can be used by anyone. Restricting it
#   to HTTP referrers, server IP addresses, or Android or iOS apps, and never
#   to a wildcard referrer or the whole internet, ties it to its
#   application.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/apikeys_key#restrictions
#   - https://cloud.google.com/docs/authentication/api-keys#adding_application_restrictions
# custom:
#   id: TNT-GCP-IAM-008
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["1.13"]
#     cis-gcp-3.0.0: ["1.13"]
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
#   remediation: Add one of browser_key_restrictions (specific referrers), server_key_restrictions (specific IP ranges), android_key_restrictions or ios_key_restrictions to the key's restrictions.
package tenet.gcp.iam.api_key_app_restrictions

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_kinds := ["browser_key_restrictions", "server_key_restrictions", "android_key_restrictions", "ios_key_restrictions"]

deny contains result.fail_attr(k, "restrictions", "the key has no application restriction: it works from any website, address or app") if {
	some k in terraform.resources("google_apikeys_key")
	not _pending(k)
	every kind in _kinds {
		count(terraform.get(k, concat(".", ["restrictions.0", kind]), [])) == 0
	}
}

deny contains result.fail_attr(k, path, sprintf("referrer %q admits any website", [ref])) if {
	some k in terraform.resources("google_apikeys_key")
	some i, ref in terraform.get(k, "restrictions.0.browser_key_restrictions.0.allowed_referrers", [])
	regex.match(`^(https?://)?\*(\.[A-Za-z]+)?(/\*?)?$`, ref)
	path := sprintf("restrictions.0.browser_key_restrictions.0.allowed_referrers.%d", [i])
}

deny contains result.fail_attr(k, path, sprintf("allowed IP %q admits the whole internet", [ip])) if {
	some k in terraform.resources("google_apikeys_key")
	some i, ip in terraform.get(k, "restrictions.0.server_key_restrictions.0.allowed_ips", [])
	ip in (gcp.public_cidrs | {"0.0.0.0", "::0", "::"})
	path := sprintf("restrictions.0.server_key_restrictions.0.allowed_ips.%d", [i])
}

unknown contains result.unknown(k, "restrictions") if {
	some k in terraform.resources("google_apikeys_key")
	_pending(k)
}

_pending(k) if compute.set_unknown(k, "restrictions")

_pending(k) if {
	some kind in _kinds
	compute.set_unknown(k, concat(".", ["restrictions.0", kind]))
}

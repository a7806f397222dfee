# METADATA
# title: Pub/Sub topics encrypt messages with a customer-managed key
# description: >-
#   Messages wait in a topic's storage until every subscriber has them. A
#   customer-managed Cloud KMS key lets the organisation control, audit and
#   revoke access to those messages; without one Google-managed keys apply.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_topic#kms_key_name
# custom:
#   id: TNT-GCP-PUB-001
#   severity: low
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_pubsub_topic]
#     per_resource: true
#   remediation: Set kms_key_name = google_kms_crypto_key.KEY.id on the topic (and grant the Pub/Sub service agent the encrypter/decrypter role on the key).
package tenet.gcp.pubsub.topic_cmek

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "kms_key_name"

deny contains result.fail_attr(x, _key, "the topic has no customer-managed encryption key") if {
	some x in terraform.resources("google_pubsub_topic")
	not gcp.key_set(x, _key)
	not gcp.key_unknown(x, _key)
}

unknown contains result.unknown(x, _key) if {
	some x in terraform.resources("google_pubsub_topic")
	gcp.key_unknown(x, _key)
}

# METADATA
# title: API Gateway REST API caches encrypt their data
# description: >-
#   A stage cache holds copies of API responses, which may carry personal or
#   business data; encryption keeps it unreadable at rest. Method settings
#   (aws_api_gateway_method_settings) that turn caching on fail unless
#   settings.cache_data_encrypted is true (left out, the API leaves the
#   cache unencrypted). A stage with a cache cluster (cache_cluster_enabled)
#   fails unless method settings for all of its methods (method_path "*/*")
#   encrypt the cache or turn caching off: the cache of its GET methods is
#   otherwise on and unencrypted. Method settings are joined to their stage
#   by reference, or by rest_api_id and stage_name. Values unknown until
#   apply are reported unknown. Security Hub control APIGateway.5.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings#cache_data_encrypted
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5
# custom:
#   id: TNT-AWS-APIGW-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_api_gateway_stage, aws_api_gateway_method_settings]
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set settings { cache_data_encrypted = true } in the aws_api_gateway_method_settings of the stage (method_path = "*/*").
package tenet.aws.apigateway.cache_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_type := "aws_api_gateway_method_settings"

_caching := "settings.0.caching_enabled"

_encrypted := "settings.0.cache_data_encrypted"

deny contains result.fail_attr(m, "settings.cache_data_encrypted", "caching is on and settings.cache_data_encrypted is not true: cached responses are not encrypted") if {
	some m in terraform.resources(_type)
	terraform.is_true(m, _caching)
	not terraform.is_true(m, _encrypted)
	not compute.set_unknown(m, _encrypted)
}

unknown contains result.unknown(m, "settings.cache_data_encrypted") if {
	some m in terraform.resources(_type)
	_may_cache(m)
	not terraform.is_true(m, _encrypted)
	compute.set_unknown(m, _encrypted)
}

unknown contains result.unknown(m, "settings.caching_enabled") if {
	some m in terraform.resources(_type)
	compute.set_unknown(m, _caching)
	not terraform.is_true(m, _encrypted)
	not compute.set_unknown(m, _encrypted)
}

deny contains result.fail_attr(s, "cache_cluster_enabled", "the stage has a cache cluster, and no method settings for */* encrypt it or turn caching off") if {
	some s in _cached_stages
	not _covered(s)
	not _judged_alone(s)
	count(_pending(s)) == 0
}

unknown contains result.unknown_msg(s, "cache_cluster_enabled", sprintf("whether the stage's cache is encrypted is unknown until apply: %s", [concat("; ", sort(_pending(s)))])) if {
	some s in _cached_stages
	not _covered(s)
	not _judged_alone(s)
	count(_pending(s)) > 0
}

unknown contains result.unknown(s, "cache_cluster_enabled") if {
	some s in terraform.resources("aws_api_gateway_stage")
	terraform.unknown(s, "cache_cluster_enabled")
	not _covered(s)
}

_may_cache(m) if terraform.is_true(m, _caching)

_may_cache(m) if compute.set_unknown(m, _caching)

_cached_stages contains s if {
	some s in terraform.resources("aws_api_gateway_stage")
	terraform.is_true(s, "cache_cluster_enabled")
}

_covered(s) if {
	some m in _all_methods(s)
	terraform.is_true(m, _encrypted)
}

_covered(s) if {
	some m in _all_methods(s)
	terraform.get(m, _caching, null) == false
}

# Settings that turn caching on for every method are judged themselves.
_judged_alone(s) if {
	some m in _all_methods(s)
	_may_cache(m)
}

_pending(s) := {sprintf("the cache settings of %s", [m.address]) |
	some m in _all_methods(s)
	compute.set_unknown(m, _encrypted)
} | {sprintf("the stage of %s", [m.address]) |
	some m in terraform.resources(_type)
	terraform.unknown(m, "stage_name")
	count(object.get(object.get(m, "refs", {}), "stage_name", [])) == 0
}

_all_methods(s) := {m |
	some m in _settings(s)
	terraform.get(m, "method_path", "") == "*/*"
}

_settings(s) := {m | some m in terraform.referencing(s, _type, "stage_name")} | {m |
	some m in terraform.resources(_type)
	_same(m, s, "stage_name")
	_same_api(m, s)
}

_same(m, s, attr) if {
	v := terraform.get(m, attr, null)
	is_string(v)
	v == terraform.get(s, attr, null)
}

_same_api(m, s) if _same(m, s, "rest_api_id")

_same_api(m, s) if {
	some ref in object.get(object.get(m, "refs", {}), "rest_api_id", [])
	ref in object.get(object.get(s, "refs", {}), "rest_api_id", [])
}

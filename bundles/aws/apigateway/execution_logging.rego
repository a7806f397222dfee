# METADATA
# title: API Gateway REST API stages log execution errors to CloudWatch
# description: >-
#   Execution logs show how API Gateway handled each request: authoriser
#   decisions, integration errors and throttling, which access logs do not
#   record. A stage (aws_api_gateway_stage) passes when an
#   aws_api_gateway_method_settings for all of its methods (method_path
#   "*/*") sets settings.logging_level to ERROR or INFO. It fails when no
#   such settings exist or they leave logging OFF (the API default when
#   logging_level is left out). Method settings are joined to their stage by
#   reference, or by rest_api_id and stage_name; a logging level, or a stage
#   name, unknown until apply is reported unknown. Security Hub control
#   APIGateway.1.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1
# custom:
#   id: TNT-AWS-APIGW-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_api_gateway_stage, aws_api_gateway_method_settings]
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add an aws_api_gateway_method_settings for the stage with method_path = "*/*" and settings { logging_level = "ERROR" } (or "INFO"), and an aws_api_gateway_account whose cloudwatch_role_arn lets API Gateway write to CloudWatch Logs.
package tenet.aws.apigateway.execution_logging

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_type := "aws_api_gateway_method_settings"

_level := "settings.0.logging_level"

deny contains result.fail(s, "no method settings for */* of the stage set logging_level to ERROR or INFO: execution is not logged") if {
	some s in terraform.resources("aws_api_gateway_stage")
	not _logged(s)
	count(_pending(s)) == 0
}

unknown contains result.unknown_msg(s, "", sprintf("whether the stage logs execution is unknown until apply: %s", [concat("; ", sort(_pending(s)))])) if {
	some s in terraform.resources("aws_api_gateway_stage")
	not _logged(s)
	count(_pending(s)) > 0
}

_logged(s) if {
	some m in _all_methods(s)
	terraform.get(m, _level, "OFF") in {"ERROR", "INFO"}
}

_pending(s) := {sprintf("the logging_level of %s", [m.address]) |
	some m in _all_methods(s)
	compute.set_unknown(m, _level)
} | _stages_unknown

# The same for every stage: a complete rule, computed once per query rather
# than once per stage.
_stages_unknown := {sprintf("the stage of %s", [m.address]) |
	some m in terraform.resources(_type)
	_stage_unknown(m)
}

# Settings for every method of stage s.
_all_methods(s) := {m |
	some m in _settings(s)
	terraform.get(m, "method_path", "") == "*/*"
}

_settings(s) := {m | some m in terraform.referencing(s, _type, "stage_name")} | {m |
	some m in _candidates(s)
	_same(m, s, "stage_name")
	_same_api(m, s)
}

# _candidates(s) is a superset of the method settings m for which
# _same(m, s, "stage_name") and _same_api(m, s) hold, looked up in indexes
# built once per query: a scan of every method settings per stage grows as
# stages × method settings. Both hold only when m's stage_name is a string
# equal to s's and, by the two rules of _same_api, m's rest_api_id is a
# string equal to s's (_by_values) or m and s reference one rest_api_id
# (_by_api_ref): each index is keyed by the stage name and that value or
# reference. _settings still applies both tests to each candidate.
_candidates(s) := {m |
	some m in _by_values[[terraform.get(s, "stage_name", null), terraform.get(s, "rest_api_id", null)]]
} | {m |
	some ref in object.get(object.get(s, "refs", {}), "rest_api_id", [])
	some m in _by_api_ref[[terraform.get(s, "stage_name", null), ref]]
}

# [key, method settings] edges grouped by key, each key inserted once (OPA
# rehashes a whole object when a comprehension inserts a key it holds
# already), as the join indexes of tenet.lib.terraform.
_value_edges := [[[name, api], m] |
	some m in terraform.resources(_type)
	name := terraform.get(m, "stage_name", null)
	is_string(name)
	api := terraform.get(m, "rest_api_id", null)
	is_string(api)
]

_by_values := {k: ms |
	some k in {e[0] | some e in _value_edges}
	ms := [e[1] | some e in _value_edges; e[0] == k]
}

_api_ref_edges := [[[name, ref], m] |
	some m in terraform.resources(_type)
	name := terraform.get(m, "stage_name", null)
	is_string(name)
	some ref in object.get(object.get(m, "refs", {}), "rest_api_id", [])
]

_by_api_ref := {k: ms |
	some k in {e[0] | some e in _api_ref_edges}
	ms := [e[1] | some e in _api_ref_edges; e[0] == k]
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

# A stage name through a local may name any stage.
_stage_unknown(m) if {
	terraform.unknown(m, "stage_name")
	count(object.get(object.get(m, "refs", {}), "stage_name", [])) == 0
}

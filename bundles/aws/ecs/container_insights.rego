# METADATA
# title: ECS clusters collect Container Insights metrics
# description: >-
#   Container Insights records CPU, memory, network and restart metrics per
#   task and service, and the performance log events behind them: without
#   it, a crash-looping or hijacked task (crypto-mining, for one) shows up
#   nowhere. An aws_ecs_cluster passes when a setting block named
#   containerInsights has value enabled or enhanced, or, when it sets none,
#   when an aws_ecs_account_setting_default turns containerInsights on for
#   the account; it fails otherwise. Values unknown until apply are reported
#   unknown. Security Hub control ECS.12.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster#setting
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_account_setting_default
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12
# custom:
#   id: TNT-AWS-ECS-006
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecs_cluster, aws_ecs_account_setting_default]
#   controls:
#     nist-800-53-r5: ["AU-6", "SI-4"]
#     soc2-2017: ["CC7.2", "CC7.3"]
#     pci-dss-4.0: ["10.4.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Add setting { name = "containerInsights", value = "enabled" } to the cluster.
package tenet.aws.ecs.container_insights

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_on := {"enabled", "enhanced"}

deny contains result.fail_attr(c, "setting", msg) if {
	some c in terraform.resources("aws_ecs_cluster")
	msg := _failure(c)
	count(_pending(c)) == 0
}

unknown contains result.unknown(c, path) if {
	some c in terraform.resources("aws_ecs_cluster")
	not _enabled(c)
	some path in _pending(c)
}

# The cluster's own setting decides; without one, the account default.
_value(c) := v if {
	some s in terraform.get(c, "setting", [])
	s.name == "containerInsights"
	v := s.value
}

_enabled(c) if _value(c) in _on

_failure(c) := sprintf("the containerInsights setting is %q: Container Insights is off", [v]) if {
	v := _value(c)
	is_string(v)
	not v in _on
} else := "no containerInsights setting, for the cluster or the account: Container Insights is off" if {
	not _value(c)
	not _account_on
}

_account_on if {
	some a in terraform.resources("aws_ecs_account_setting_default")
	terraform.get(a, "name", "") == "containerInsights"
	terraform.get(a, "value", "") in _on
}

_pending(c) := {"setting" |
	count(terraform.get(c, "setting", [])) == 0
	compute.set_unknown(c, "setting")
} | {sprintf("setting.%d.value", [i]) |
	some i, s in terraform.get(c, "setting", [])
	s.name == "containerInsights"
	terraform.unknown(c, sprintf("setting.%d.value", [i]))
}

# METADATA
# title: OpenSearch and Elasticsearch domains publish audit logs
# description: >-
#   Audit logs record who signed in to a domain, who was refused, and which
#   indexes and documents were read or changed; without them a data leak or
#   a misused account leaves no trace. An aws_opensearch_domain or
#   aws_elasticsearch_domain fails unless a log_publishing_options block has
#   log_type AUDIT_LOGS and is enabled (the default). Audit logs also need
#   fine-grained access control (advanced_security_options). A list unknown
#   until apply is reported unknown. Security Hub controls Opensearch.5 and
#   ES.5.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#log_publishing_options
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-5
# custom:
#   id: TNT-AWS-ES-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn = <log group ARN> } and enable fine-grained access control.
package tenet.aws.opensearch.audit_logs

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

deny contains result.fail_attr(d, "log_publishing_options", "no enabled log_publishing_options of log_type AUDIT_LOGS: the domain keeps no audit log") if {
	some type in _types
	some d in terraform.resources(type)
	not _audited(d)
	count(_pending(d)) == 0
}

unknown contains result.unknown(d, path) if {
	some type in _types
	some d in terraform.resources(type)
	not _audited(d)
	some path in _pending(d)
}

# An audit log option whose enabled is known only after apply does not
# count: it may be false.
_audited(d) if {
	some i, o in terraform.get(d, "log_publishing_options", [])
	o.log_type == "AUDIT_LOGS"
	object.get(o, "enabled", true) != false
	not terraform.unknown(d, sprintf("log_publishing_options.%d.enabled", [i]))
}

_pending(d) := {"log_publishing_options" |
	compute.set_unknown(d, "log_publishing_options")
	count(terraform.get(d, "log_publishing_options", [])) == 0
} | {path |
	some i, o in terraform.get(d, "log_publishing_options", [])
	some attr in ["log_type", "enabled"]
	path := sprintf("log_publishing_options.%d.%s", [i, attr])
	terraform.unknown(d, path)
}

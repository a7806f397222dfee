# METADATA
# title: DocumentDB and Neptune clusters export audit logs to CloudWatch Logs
# description: >-
#   Audit logs record authentication attempts, changes to users and schema,
#   and (when enabled in the cluster's parameter group) queries; exported to
#   CloudWatch Logs they can be kept, searched and alarmed on. An
#   aws_docdb_cluster fails when enabled_cloudwatch_logs_exports, and an
#   aws_neptune_cluster when enable_cloudwatch_logs_exports, does not list
#   "audit". The audit_logs (DocumentDB) and neptune_enable_audit_log
#   (Neptune) parameters must also be on for events to be written. A list
#   unknown until apply is reported unknown. Security Hub controls
#   DocumentDB.4 and Neptune.2.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#enabled_cloudwatch_logs_exports
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#enable_cloudwatch_logs_exports
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-4
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-2
# custom:
#   id: TNT-AWS-DOCDB-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_docdb_cluster, aws_neptune_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add "audit" to enabled_cloudwatch_logs_exports (DocumentDB) or enable_cloudwatch_logs_exports (Neptune), and turn audit logging on in the cluster parameter group.
package tenet.aws.docdb.audit_logs

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# The attribute that lists the exported log types, per cluster type.
_exports := {
	"aws_docdb_cluster": "enabled_cloudwatch_logs_exports",
	"aws_neptune_cluster": "enable_cloudwatch_logs_exports",
}

deny contains result.fail_attr(c, attr, sprintf("%s does not list \"audit\": audit events are not exported to CloudWatch Logs", [attr])) if {
	some type, attr in _exports
	some c in terraform.resources(type)
	not "audit" in terraform.get(c, attr, [])
	not compute.set_unknown(c, attr)
}

unknown contains result.unknown(c, attr) if {
	some type, attr in _exports
	some c in terraform.resources(type)
	not "audit" in terraform.get(c, attr, [])
	compute.set_unknown(c, attr)
}

# METADATA
# title: Changes to audit logging configuration raise an alert
# description: >-
#   Turning Data Access logs off, or exempting a member from them, is a quiet
#   way to act unrecorded. An alert on every change to the audit configuration
#   makes that change itself visible. The rule is judged in every project
#   whose allServices audit configuration the input declares, and on every
#   log-based metric that matches the events.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/logging_metric
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/monitoring_alert_policy
# custom:
#   id: TNT-GCP-LOG-003
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["2.5"]
#     cis-gcp-3.0.0: ["2.5"]
#     nist-800-53-r5: ["AU-6", "SI-4"]
#     soc2-2017: ["CC7.2", "CC7.3"]
#     pci-dss-4.0: ["10.4.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 33(1)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_audit_config, google_logging_metric, google_monitoring_alert_policy]
#   remediation: Create a google_logging_metric with a filter on SetIamPolicy calls with auditConfigDeltas, and an enabled google_monitoring_alert_policy whose condition filter names metric.type="logging.googleapis.com/user/METRIC".
package tenet.gcp.logging.alert_audit_config

import rego.v1

import data.tenet.lib.gcp

_tokens := ["setiampolicy", "auditconfigdeltas"]

deny contains f if {
	some f in gcp.log_alert_deny(_tokens, "audit configuration changes")
}

unknown contains f if {
	some f in gcp.log_alert_unknown(_tokens)
}

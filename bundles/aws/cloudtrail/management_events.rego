# METADATA
# title: CloudTrail trails are logging and record management events
# description: >-
#   A trail that is stopped, or that excludes management events, misses the
#   API calls that create, change and delete resources and permissions. Those
#   events are the core of any audit of an AWS account.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#include_management_events
# custom:
#   id: TNT-AWS-CT-008
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: >-
#     Leave enable_logging at true and include management events in at least
#     one event selector of the trail.
package tenet.aws.cloudtrail.management_events

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# enable_logging defaults to true.
deny contains result.fail_attr(t, "enable_logging", "enable_logging is false: the trail records nothing") if {
	some t in terraform.resources("aws_cloudtrail")
	terraform.get(t, "enable_logging", true) == false
}

# With no selector a trail records all management events.
deny contains result.fail_attr(t, "event_selector", "every event_selector sets include_management_events = false") if {
	some t in terraform.resources("aws_cloudtrail")
	selectors := terraform.get(t, "event_selector", [])
	count(selectors) > 0
	every s in selectors {
		object.get(s, "include_management_events", true) == false
	}
}

deny contains result.fail_attr(t, "advanced_event_selector", "no advanced_event_selector selects eventCategory Management") if {
	some t in terraform.resources("aws_cloudtrail")
	selectors := terraform.get(t, "advanced_event_selector", [])
	count(selectors) > 0
	not _management(selectors)
}

unknown contains result.unknown(t, attr) if {
	some t in terraform.resources("aws_cloudtrail")
	some attr in ["enable_logging", "event_selector", "advanced_event_selector"]
	terraform.unknown(t, attr)
}

_management(selectors) if {
	some s in selectors
	some f in object.get(s, "field_selector", [])
	f.field == "eventCategory"
	"Management" in object.get(f, "equals", [])
}

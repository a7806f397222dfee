# METADATA
# title: CloudTrail records S3 object-level reads and writes
# description: >-
#   Management events do not show who read, wrote or deleted an object.
#   Object-level data events do, which is what a data breach investigation
#   needs to tell what left the account.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#data_resource
# custom:
#   id: TNT-AWS-CT-007
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#   controls:
#     cis-aws-3.0.0: ["3.8", "3.9"]
#     cis-aws-1.5.0: ["3.10", "3.11"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-6", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(3)(ii)(A)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: >-
#     Add an event_selector with read_write_type "All" and a data_resource of
#     type AWS::S3::Object (or an equivalent advanced_event_selector) to a trail.
package tenet.aws.cloudtrail.s3_data_events

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Account-level: one trail recording S3 object reads, and one recording
# writes, cover every trail of the input.
deny contains result.fail(t, sprintf("no trail records S3 object-level %s events", [concat(" or ", missing)])) if {
	some t in _trails
	missing := [kind | some kind in ["read", "write"]; not kind in _covered]
	count(missing) > 0
	not _pending
}

unknown contains result.unknown(t, attr) if {
	some t in _trails
	some attr in _selectors
	terraform.unknown(t, attr)
	count(_covered) < 2
}

_trails := terraform.resources("aws_cloudtrail")

_selectors := ["event_selector", "advanced_event_selector"]

_pending if {
	some t in _trails
	terraform.any_unknown(t, _selectors)
}

_covered contains kind if {
	some t in _trails
	some i, s in terraform.get(t, "event_selector", [])
	some d in object.get(s, "data_resource", [])
	d.type == "AWS::S3::Object"

	# An unknown read_write_type is left out of the values: it is not All.
	not terraform.unknown(t, sprintf("event_selector.%d.read_write_type", [i]))
	some kind in _kinds[object.get(s, "read_write_type", "All")]
}

_covered contains kind if {
	some t in _trails
	some s in terraform.get(t, "advanced_event_selector", [])
	"Data" in _equals(s, "eventCategory")
	"AWS::S3::Object" in _equals(s, "resources.type")
	some kind in _read_only(_equals(s, "readOnly"))
}

_kinds := {"All": {"read", "write"}, "ReadOnly": {"read"}, "WriteOnly": {"write"}}

_equals(s, field) := {v |
	some f in object.get(s, "field_selector", [])
	f.field == field
	some v in object.get(f, "equals", [])
}

_read_only(values) := {"read", "write"} if count(values) == 0

_read_only(values) := {"read"} if values == {"true"}

_read_only(values) := {"write"} if values == {"false"}

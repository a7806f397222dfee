# METADATA
# title: CloudTrail trails record every region and global services
# description: >-
#   A trail limited to one region misses activity in the others, which is
#   where an intruder who knows the gap will work. Global service events (IAM,
#   STS, CloudFront) are recorded only when the trail includes them.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
# custom:
#   id: TNT-AWS-CT-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["3.1"]
#     cis-aws-1.5.0: ["3.1"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-6", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Set is_multi_region_trail = true and leave include_global_service_events at true.
package tenet.aws.cloudtrail.multi_region

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# rules.csv also fails an account that declares no multi-region trail at
# all. A plan or state usually holds one stack, so the absence of a trail in
# one file proves nothing: that check belongs to an account-level collector.

deny contains result.fail_attr(t, "is_multi_region_trail", "the trail records a single region") if {
	some t in terraform.resources("aws_cloudtrail")
	not terraform.is_true(t, "is_multi_region_trail")
	not terraform.unknown(t, "is_multi_region_trail")
}

# include_global_service_events defaults to true: only an explicit false fails.
deny contains result.fail_attr(t, "include_global_service_events", "the trail leaves out global service events") if {
	some t in terraform.resources("aws_cloudtrail")
	terraform.get(t, "include_global_service_events", true) == false
}

# An unknown flag matters only while the other one does not already fail.
unknown contains result.unknown(t, attr) if {
	some t in terraform.resources("aws_cloudtrail")
	some attr in ["is_multi_region_trail", "include_global_service_events"]
	terraform.unknown(t, attr)
	not _failed(t)
}

_failed(t) if {
	some f in deny
	f.resource == t.address
}

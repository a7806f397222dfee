# METADATA
# title: Data stores carry an owner tag
# description: >-
#   Every bucket and database names the team that answers for it, so that an
#   auditor's question about the data reaches a person.
# scope: package
# custom:
#   id: ACME-TAG-001
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket, aws_db_instance]
#   controls:
#     soc2-2017: ["CC6.1"]
#   remediation: Add an owner tag (tags = { owner = "team-name" }) to the resource.
package acme.owner_tag

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_s3_bucket", "aws_db_instance"]

warn contains result.fail_attr(r, "tags.owner", "no owner tag") if {
	some t in _types
	some r in terraform.resources(t)
	not terraform.tags(r).owner
	not terraform.unknown(r, "tags")
}

unknown contains result.unknown(r, "tags") if {
	some t in _types
	some r in terraform.resources(t)
	terraform.unknown(r, "tags")
}

# METADATA
# title: S3 buckets whose data class calls for it replicate their objects
# description: >-
#   Versioning and backups in one region do not survive the loss of that
#   region or of the account's access to it; data an organisation classes as
#   critical is kept in a second copy that S3 replication writes as objects
#   arrive. Parameters (tenet.params in a --data file):
#   s3_replication_data_classes, the data classes that require replication,
#   such as ["confidential", "restricted"] (unset or empty, the rule is off);
#   and data_class_tag, the tag key that holds a bucket's class (default
#   DataClassification). A bucket whose tag value is one of the classes
#   (compared without case) passes when an
#   aws_s3_bucket_replication_configuration for it, or its provider v3
#   inline replication_configuration, has a rule with status Enabled, or
#   when it is itself the destination of such a rule (a replica). It fails
#   otherwise. A class or rule status unknown until apply is reported
#   unknown. A class that
#   only the provider's default_tags add is not seen while the plan leaves
#   tags_all unknown.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-7
# custom:
#   id: TNT-AWS-S3-012
#   severity: medium
#   requires: [s3_replication_data_classes]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket, aws_s3_bucket_replication_configuration]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-6", "CP-6(1)", "CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: >-
#     Add an aws_s3_bucket_replication_configuration for the bucket (bucket =
#     the bucket's id) with a rule of status "Enabled" whose destination is a
#     bucket in another region or account, after enabling versioning on both.
package tenet.aws.s3.replication

import rego.v1

import data.tenet.lib.params
import data.tenet.lib.result
import data.tenet.lib.s3
import data.tenet.lib.terraform

_classes := {lower(c) | some c in params.list("s3_replication_data_classes")}

_tag := t if {
	t := params.get("data_class_tag", "DataClassification")
	is_string(t)
	t != ""
} else := "DataClassification"

_type := "aws_s3_bucket_replication_configuration"

deny contains result.fail(b, sprintf("the bucket is tagged %s = %q but has no enabled replication rule", [_tag, class])) if {
	some b in _classified
	class := _class(b)
	not _replicated(b)
	count(_pending(b)) == 0
}

unknown contains result.unknown_msg(b, "", sprintf("the bucket is tagged %s = %q; whether it replicates is not known: %s", [_tag, _class(b), concat("; ", sort(_pending(b)))])) if {
	some b in _classified
	not _replicated(b)
	count(_pending(b)) > 0
}

unknown contains result.unknown_msg(b, sprintf("tags.%s", [_tag]), sprintf("the bucket's %s tag is unknown until apply", [_tag])) if {
	count(_classes) > 0
	some b in terraform.resources("aws_s3_bucket")
	not _class(b)
	_class_unknown(b)
}

_classified contains b if {
	count(_classes) > 0
	some b in terraform.resources("aws_s3_bucket")
	lower(_class(b)) in _classes
}

_class(b) := c if {
	c := terraform.tags(b)[_tag]
	is_string(c)
}

_class_unknown(b) if terraform.unknown(b, sprintf("tags.%s", [_tag]))

_class_unknown(b) if terraform.unknown_within(b, sprintf("tags_all.%s", [_tag]))

_replicated(b) if "Enabled" in _inline_statuses(b)

_replicated(b) if {
	some c in s3.settings(b, _type)
	"Enabled" in terraform.values_at(c, "rule.status")
}

# A bucket that an enabled rule replicates into is a replica: by reference
# or by ARN (rule destinations name buckets by ARN).
_replicated(b) if b.config_address in _enabled_destination_refs

_replicated(b) if {
	arn := terraform.get(b, "arn", null)
	is_string(arn)
	arn in _enabled_destination_arns
}

# The provider v3 inline block is computed from v4 on: only a known block
# counts (as for versioning).
_inline_statuses(b) := terraform.values_at(b, "replication_configuration.rules.status") if {
	count(terraform.get(b, "replication_configuration", [])) > 0
} else := set()

_pending(b) := {sprintf("the rule status of %s is unknown until apply", [c.address]) |
	some c in s3.settings(b, _type)
	terraform.unknown(c, "rule.status")
} | {"the status of the inline replication rules is unknown until apply" |
	count(terraform.get(b, "replication_configuration", [])) > 0
	terraform.unknown(b, "replication_configuration.rules.status")
}

# The destinations of the configurations with an enabled rule, built once
# per evaluation: a scan of every configuration for every bucket grows as
# buckets × configurations.
_enabled := [c |
	some c in terraform.resources(_type)
	"Enabled" in terraform.values_at(c, "rule.status")
]

_enabled_destination_refs := {a |
	some c in _enabled
	some a in object.get(object.get(c, "refs", {}), "rule.destination.bucket", [])
}

_enabled_destination_arns := {v |
	some c in _enabled
	some v in terraform.values_at(c, "rule.destination.bucket")
}

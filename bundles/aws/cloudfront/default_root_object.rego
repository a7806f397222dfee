# METADATA
# title: CloudFront distributions that serve an S3 origin at the root name a default root object
# description: >-
#   A request for the bare domain of a distribution whose default behaviour
#   goes to an S3 bucket is passed to the bucket's root: without a default
#   root object, that answers with an error that discloses the bucket, or
#   with a listing of its keys when the bucket allows listing. A
#   distribution fails when its default cache behaviour targets an S3 origin
#   (s3_origin_config, an origin access control, or an S3 REST endpoint as
#   domain) and default_root_object is empty. A distribution whose default
#   target is unknown until apply and that has an S3 origin among several is
#   reported unknown. Distributions in front of applications, whose root URL
#   the application answers, are not judged. Security Hub control
#   CloudFront.1 asks it of every distribution.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#default_root_object
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-1
# custom:
#   id: TNT-AWS-CF-006
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudfront_distribution]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "CM-7"]
#     soc2-2017: ["CC6.1"]
#   remediation: Set default_root_object = "index.html" (or the object the root URL should return).
package tenet.aws.cloudfront.default_root_object

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(d, "default_root_object", sprintf("the default behaviour serves S3 origin %s and default_root_object is empty", [_name(o)])) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	_no_root_object(d)
	o := _default_target(d)
	_s3(o)
}

unknown contains result.unknown_msg(d, "default_cache_behavior.target_origin_id", "the default behaviour's origin is unknown until apply, and the distribution has an S3 origin") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	_no_root_object(d)
	not _default_target(d)
	terraform.unknown(d, "default_cache_behavior.0.target_origin_id")
	some o in terraform.get(d, "origin", [])
	_s3(o)
}

unknown contains result.unknown(d, "default_root_object") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	terraform.unknown(d, "default_root_object")
	some o in terraform.get(d, "origin", [])
	_s3(o)
}

# Origins written through a local may put an S3 origin at the root.
unknown contains result.unknown_msg(d, "origin", "the origins are unknown until apply and default_root_object is empty: the root may serve an S3 origin") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	_no_root_object(d)
	count(terraform.get(d, "origin", [])) == 0
	compute.set_unknown(d, "origin")
}

_no_root_object(d) if {
	terraform.get(d, "default_root_object", "") == ""
	not terraform.unknown(d, "default_root_object")
}

# The origin of the default behaviour: by id, or the only one.
_default_target(d) := o if {
	id := terraform.get(d, "default_cache_behavior.0.target_origin_id", null)
	is_string(id)
	some o in terraform.get(d, "origin", [])
	o.origin_id == id
} else := o if {
	[o] := terraform.get(d, "origin", [])
}

_s3(o) if count(object.get(o, "s3_origin_config", [])) > 0

_s3(o) if object.get(o, "origin_access_control_id", "") != ""

# S3 website endpoints (s3-website) answer the root with the index document
# themselves.
_s3(o) if {
	domain := object.get(o, "domain_name", "")
	regex.match(`\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$`, domain)
	not contains(domain, ".s3-website")
}

_name(o) := sprintf("%q", [o.origin_id]) if is_string(o.origin_id)

else := "(id unknown until apply)"

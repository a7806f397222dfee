# METADATA
# title: S3 bucket helpers
# description: >-
#   Joins from an aws_s3_bucket to the settings that provider v4+ split into
#   separate resources, with the provider v3 inline blocks read alongside, so
#   that bucket rules and the CloudTrail rules on log buckets judge a bucket
#   the same way.
# scope: package
# custom:
#   library: true
package tenet.lib.s3

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.terraform

# settings(b, type) is the array of live resources of type (for example
# aws_s3_bucket_logging) whose bucket attribute points at bucket b.
settings(b, type) := terraform.referencing(b, type, "bucket")

# policies(b) is the array of [holder, attribute] pairs naming where a policy
# of bucket b is written: the aws_s3_bucket_policy resources for it, and the
# bucket itself for a provider v3 inline policy. The inline attribute is
# computed from v4 on: it counts only when known, or when the configuration
# sets it through a reference.
policies(b) := array.concat(
	[[p, "policy"] | some p in settings(b, "aws_s3_bucket_policy")],
	[[b, "policy"] | _inline_policy(b)],
)

_inline_policy(b) if is_string(terraform.get(b, "policy", null))

_inline_policy(b) if {
	b.refs.policy
	terraform.unknown(b, "policy")
}

# policy_statements(b) is the array of [holder, index, statement] of every
# statement in the known policies of bucket b. A policy unknown until apply
# is known when its aws_iam_policy_document data source is, with the same
# statements in every instance (iam.resolved).
policy_statements(b) := [[holder, i, st] |
	some [holder, attr] in policies(b)
	some i, st in iam.resolved(holder, attr)
]

# restricting_keys are the condition keys that tie an anonymous principal
# to an organization, account, network or source (lower case).
# aws:PrincipalOrgPaths is added to the rules.csv list: it restricts to an
# organization path as aws:PrincipalOrgID does.
restricting_keys := {
	"aws:sourcevpce", "aws:sourcevpc", "aws:principalorgid", "aws:principalorgpaths",
	"aws:principalaccount", "aws:sourceaccount", "aws:sourcearn",
}

# anonymous_statements(b) is the array of [holder, index, statement] of the
# policy statements for bucket b that allow any principal with no condition
# on restricting_keys.
anonymous_statements(b) := [[holder, i, st] |
	some [holder, i, st] in policy_statements(b)
	iam.anonymous(st)
	not iam.conditioned_on(st, restricting_keys)
]

# pending_policies(b) is the array of holders whose policy for b is unknown
# until apply.
pending_policies(b) := [holder |
	some [holder, attr] in policies(b)
	terraform.unknown(holder, attr)
	not iam.resolved(holder, attr)
]

# public_acls are the canned ACLs that open a bucket to everyone or to every
# AWS account.
public_acls := {"public-read", "public-read-write", "authenticated-read"}

# public_groups are the grantee group URIs that stand for everyone and for
# every authenticated AWS user.
public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# public_acl_reasons(b) is the set of [resource, message] pairs describing
# every public ACL or public grant that applies to bucket b: the v3 acl and
# grant of the bucket, and the acl and access_control_policy grants of
# aws_s3_bucket_acl resources for it.
public_acl_reasons(b) := {[r, msg] |
	some r in array.concat([b], settings(b, "aws_s3_bucket_acl"))
	some msg in _acl_reasons(r)
}

_acl_reasons(r) := {msg |
	acl := terraform.get(r, "acl", "")
	acl in public_acls
	msg := sprintf("acl is %q", [acl])
} | {msg |
	some uri in (terraform.values_at(r, "grant.uri") | terraform.values_at(r, "access_control_policy.grant.grantee.uri"))
	uri in public_groups
	msg := sprintf("a grant is given to %s", [uri])
}

# logged(b) is true when bucket b writes server access logs: a v3 logging
# block or an aws_s3_bucket_logging for it names a target bucket (a target
# unknown until apply is set, so it counts).
logged(b) if {
	some target in terraform.values_at(b, "logging.target_bucket")
	target != ""
}

# A v3 block whose target_bucket is a reference is unknown in a plan
# (checkov-plan-tfplan.json); only a block present in values counts, a
# wholly unknown (computed, v4+) logging block declares nothing.
logged(b) if {
	count(terraform.get(b, "logging", [])) > 0
	terraform.unknown(b, "logging.target_bucket")
}

logged(b) if {
	some l in settings(b, "aws_s3_bucket_logging")
	_target_set(l)
}

_target_set(l) if terraform.get(l, "target_bucket", "") != ""

_target_set(l) if terraform.unknown(l, "target_bucket")

# log_target(b) is true when bucket b receives the access logs of a bucket.
log_target(b) if {
	count(terraform.referencing(b, "aws_s3_bucket_logging", "target_bucket")) > 0
}

log_target(b) if terraform.get(b, "bucket", null) in _inline_log_targets

log_target(b) if terraform.get(b, "id", null) in _inline_log_targets

log_target(b) if b.config_address in _inline_log_target_refs

# The v3 inline logging targets of all buckets, computed once per query:
# asking every bucket about every other bucket is quadratic.
_inline_log_targets contains target if {
	some other in terraform.resources("aws_s3_bucket")
	some target in terraform.values_at(other, "logging.target_bucket")
}

_inline_log_target_refs contains addr if {
	some other in terraform.resources("aws_s3_bucket")
	some addr in object.get(object.get(other, "refs", {}), "logging.target_bucket", [])
}

_block_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# public_access_blocked(b) is true when an aws_s3_bucket_public_access_block
# for bucket b sets all four flags to true (each defaults to false).
public_access_blocked(b) if {
	some block in settings(b, "aws_s3_bucket_public_access_block")
	every f in _block_flags {
		terraform.is_true(block, f)
	}
}

# public_access_pending(b) is the array of public access blocks for b whose
# flags are each true or unknown until apply, with one unknown at least.
public_access_pending(b) := [block |
	some block in settings(b, "aws_s3_bucket_public_access_block")
	every f in _block_flags {
		_true_or_unknown(block, f)
	}
	terraform.any_unknown(block, _block_flags)
]

_true_or_unknown(block, f) if terraform.is_true(block, f)

_true_or_unknown(block, f) if terraform.unknown(block, f)

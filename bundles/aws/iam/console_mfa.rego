# METADATA
# title: Console users are made to sign in with MFA by an attached policy
# description: >-
#   A password alone is phished, guessed or reused; IAM cannot require MFA
#   for a console user by itself, so the common safeguard is a policy that
#   denies every action while aws:MultiFactorAuthPresent is false. An IAM
#   user with a console password (aws_iam_user_login_profile) passes when a
#   policy that reaches it (inline or attached to the user, or to a group it
#   belongs to through aws_iam_user_group_membership or
#   aws_iam_group_membership) has a Deny statement for every action (Action
#   "*", or NotAction listing the MFA set-up actions) under a Bool or
#   BoolIfExists condition aws:MultiFactorAuthPresent false. It fails when
#   every policy that reaches the user is in the document and none does.
#   When the evidence is not in the document (a policy unknown until apply,
#   a customer-managed policy or a group defined elsewhere, a group list
#   unknown until apply, or a CloudFormation user, whose Groups the template
#   view does not carry), the user is reported unknown. AWS-managed policies
#   enforce no MFA. Users without a console password are not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_users-self-manage-mfa-and-creds.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_login_profile
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5
# custom:
#   id: TNT-AWS-IAM-015
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_user, aws_iam_user_login_profile, aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment, aws_iam_policy, aws_iam_user_group_membership, aws_iam_group_membership, aws_iam_group, aws_iam_group_policy, aws_iam_group_policy_attachment]
#   controls:
#     cis-aws-3.0.0: ["1.10"]
#     cis-aws-1.5.0: ["1.10"]
#     nist-800-53-r5: ["IA-2", "IA-2(1)", "IA-2(2)", "AC-2"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.4.1", "8.4.2"]
#     hipaa: ["164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Attach to the user's group a policy with a statement that denies
#     NotAction (the iam:*MFADevice, iam:ChangePassword and sts:GetSessionToken
#     actions) on Resource "*" under BoolIfExists aws:MultiFactorAuthPresent
#     "false", as in the AWS example policy for self-managed MFA.
package tenet.aws.iam.console_mfa

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(u, sprintf("the user has a console password (%s), but no policy of the user or of its groups denies actions without MFA", [l.address])) if {
	some u in terraform.resources("aws_iam_user")
	some l in _logins(u)
	not _enforced(u)
	count(_pending(u)) == 0
}

unknown contains result.unknown_msg(u, "", sprintf("the user has a console password; whether a policy enforces MFA is not in the document: %s", [concat("; ", sort(_pending(u)))])) if {
	some u in terraform.resources("aws_iam_user")
	count(_logins(u)) > 0
	not _enforced(u)
	count(_pending(u)) > 0
}

_logins(u) := terraform.referencing(u, "aws_iam_user_login_profile", "user")

_enforced(u) if "enforces" in _verdicts(u)

# _pending(u) names what keeps the verdict open: evidence outside the
# document, or values known only after apply.
_pending(u) := {why |
	some v in _verdicts(u)
	v != "enforces"
	v != "none"
	why := v
}

# _verdicts(u) is, for every policy reaching u and every way the document
# leaves a reach open, "enforces", "none" or the reason it is not known.
_verdicts(u) := ({v | some v in _user_verdicts(u)} | {v |
	some g in _groups(u)
	some v in _group_verdicts(g)
}) | _membership_gaps(u)

_user_verdicts(u) := ({v |
	some p in terraform.referencing(u, "aws_iam_user_policy", "user")
	v := _document_verdict(p)
} | {v |
	some a in terraform.referencing(u, "aws_iam_user_policy_attachment", "user")
	v := _attachment_verdict(a)
}) | {v |
	some a in terraform.resources("aws_iam_policy_attachment")
	_lists(a, "users", u)
	v := _attachment_verdict(a)
}

# A group is [resource, name]: the aws_iam_group when the document declares
# it (resource null otherwise).
_group_verdicts([g, _]) := ({v |
	some p in terraform.referencing(g, "aws_iam_group_policy", "group")
	v := _document_verdict(p)
} | {v |
	some a in terraform.referencing(g, "aws_iam_group_policy_attachment", "group")
	v := _attachment_verdict(a)
}) | {v |
	some a in terraform.resources("aws_iam_policy_attachment")
	_lists(a, "groups", g)
	v := _attachment_verdict(a)
} if g != null

_group_verdicts([null, name]) := {sprintf("group %q is not defined in the document", [name])}

# Groups the document puts u in.
_groups(u) := {[g, terraform.get(g, "name", "")] |
	some g in terraform.resources("aws_iam_group")
	_member(u, g)
} | {[null, name] |
	some name in _group_names(u)
	not _declared_group(name)
}

_member(u, g) if {
	some m in terraform.referencing(u, "aws_iam_user_group_membership", "user")
	_lists(m, "groups", g)
}

_member(u, g) if {
	some m in terraform.referencing(g, "aws_iam_group_membership", "group")
	_lists(m, "users", u)
}

_group_names(u) := {name |
	some m in terraform.referencing(u, "aws_iam_user_group_membership", "user")
	some name in terraform.get(m, "groups", [])
	is_string(name)
} | {name |
	some m in terraform.resources("aws_iam_group_membership")
	_lists(m, "users", u)
	name := terraform.get(m, "group", null)
	is_string(name)
}

_declared_group(name) if {
	some g in terraform.resources("aws_iam_group")
	terraform.get(g, "name", null) == name
}

_membership_gaps(u) := {sprintf("the groups of %s are unknown until apply", [m.address]) |
	some m in terraform.referencing(u, "aws_iam_user_group_membership", "user")
	_unknown_names(m, "groups")
} | {sprintf("the users of %s are unknown until apply", [m.address]) |
	some m in terraform.resources("aws_iam_group_membership")
	terraform.unknown(m, "users")
	_may_list(m, u)
}

# _unknown_names(m, attr): the list attr of m is unknown until apply and
# does not name the groups it holds by reference (a group of the same
# configuration or template, whose name is not known yet, is that group).
_unknown_names(m, attr) if {
	terraform.unknown(m, attr)
	count(object.get(object.get(m, "refs", {}), attr, [])) == 0
}

# _lists(r, attr, target) holds when list attribute attr of r names target:
# through a reference in a plan, or by name in state.
_lists(r, attr, target) if target.config_address in object.get(object.get(r, "refs", {}), attr, [])

_lists(r, attr, target) if {
	name := terraform.get(target, "name", null)
	is_string(name)
	name in terraform.get(r, attr, [])
}

# A list unknown until apply may name u unless its references name only
# other users.
_may_list(m, u) if _lists(m, "users", u)

_may_list(m, _) if count(object.get(object.get(m, "refs", {}), "users", [])) == 0

_document_verdict(p) := "enforces" if {
	docs := iam.candidates(p, "policy")
	count(docs) > 0
	every statements in docs {
		_enforcing(statements)
	}
} else := "none" if {
	docs := iam.candidates(p, "policy")
	count(docs) > 0
	every statements in docs {
		not _enforcing(statements)
	}
} else := sprintf("the policy of %s is unknown until apply", [p.address])

# The managed policy an attachment names: one of the document, an AWS
# managed policy (none enforces MFA), or one defined elsewhere.
_attachment_verdict(a) := v if {
	some p in terraform.referenced(a, "aws_iam_policy", "policy_arn")
	v := _document_verdict(p)
} else := "none" if {
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/`, terraform.get(a, "policy_arn", ""))
} else := sprintf("the policy_arn of %s is unknown until apply", [a.address]) if {
	terraform.unknown(a, "policy_arn")
} else := sprintf("%s attaches %s, which is not defined in the document", [a.address, terraform.get(a, "policy_arn", "")])

_enforcing(statements) if {
	some st in statements
	st.Effect == "Deny"
	_every_action(st)
	_without_mfa(st)
}

_every_action(st) if st.NotAction

_every_action(st) if "*" in iam.actions(st)

_without_mfa(st) if {
	some op, block in object.get(st, "Condition", {})
	lower(op) in {"bool", "boolifexists"}
	is_object(block)
	some key, value in block
	lower(key) == "aws:multifactorauthpresent"
	_false(value)
}

_false(value) if lower(sprintf("%v", [value])) == "false"

_false(value) if {
	is_array(value)
	every v in value {
		lower(sprintf("%v", [v])) == "false"
	}
}

# METADATA
# title: No member both administers Cloud KMS keys and encrypts or decrypts with them in a project
# description: >-
#   A member who manages keys and can also decrypt with them can read every
#   secret the keys protect and change the key policy that would record or
#   stop it. Keeping Cloud KMS Admin apart from the encrypter and decrypter
#   roles makes that take two people. Judged on the project-level grants of
#   the input.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
#   - https://cloud.google.com/kms/docs/separation-of-duties
# custom:
#   id: TNT-GCP-IAM-005
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["1.11"]
#     cis-gcp-3.0.0: ["1.11"]
#     nist-800-53-r5: ["AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy]
#   remediation: Grant roles/cloudkms.admin and the cryptoKey encrypter/decrypter roles to different members.
package tenet.gcp.iam.kms_duties

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_admin := {"roles/cloudkms.admin"}

_user := {"roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.cryptoKeyEncrypter", "roles/cloudkms.cryptoKeyDecrypter"}

_grants := gcp.iam_grants("google_project")

# Both grants of a conflicting pair are reported, each naming the other.
deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants %s, and %s also holds %s through %s", [gcp.grant_text(g), g.member, _other_text(g), o.resource.address])) if {
	some g in _grants
	some o in _pair_candidates(g)
	g.member != null
	o.member == g.member
	_pair(g.role, o.role)
	gcp.same_project(g.resource, o.resource)
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some g in _grants
	null in {g.role, g.member}
	_partnered(g)
}

# _partnered(g) is true when a grant of one of the roles to a known member
# may be in g's project. Each body scans one index, and stops at the first
# grant that passes (OPA stops a function that is true at its first
# solution), where a scan of every grant for every unknown grant grows as
# grants × unknown grants.
_partnered(g) if {
	gcp.project(g.resource) == ""
	some i in _held
	_partner(g, _grants[i])
}

_partnered(g) if {
	some i in _held_in[gcp.project(g.resource)]
	_partner(g, _grants[i])
}

_partnered(g) if {
	some i in _held_in[""]
	_partner(g, _grants[i])
}

_partner(g, o) if {
	o.role in (_admin | _user)
	o.member != null
	gcp.same_project(g.resource, o.resource)
}

# Indexes of _grants, built once. _pair_candidates(g) holds every grant that
# can pair with g: one of the other roles to g's member, in g's project or
# in the default one (gcp.same_project matches a project only with itself
# and with "", the default); every project when g's is the default. A scan
# of every grant for every grant grows as the square of the grants.
_pair_candidates(g) := [_grants[i] | some i in _by_holder[[g.member, _other_class(g.role)]]] if {
	gcp.project(g.resource) == ""
} else := [_grants[i] |
	some project in {gcp.project(g.resource), ""}
	some i in _by_holder_in[[g.member, _other_class(g.role), project]]
]

_class(role) := "admin" if role in _admin

_class(role) := "user" if role in _user

_other_class(role) := "user" if role in _admin

_other_class(role) := "admin" if role in _user

# _held is the index of every grant of one of the roles to a known member.
_held := [i |
	some i, o in _grants
	o.member != null
	o.role in (_admin | _user)
]

# Indexes of _held by [member, role class, project], by [member, role
# class], and by project: [key, grant index] edges grouped by key, each key
# inserted once (OPA rehashes a whole object when a comprehension inserts a
# key it holds already).
_in_edges := [[[o.member, _class(o.role), gcp.project(o.resource)], i] |
	some i in _held
	o := _grants[i]
]

_by_holder_in := {k: is |
	some k in {e[0] | some e in _in_edges}
	is := [e[1] | some e in _in_edges; e[0] == k]
}

_holder_edges := [[[e[0][0], e[0][1]], e[1]] | some e in _in_edges]

_by_holder := {k: is |
	some k in {e[0] | some e in _holder_edges}
	is := [e[1] | some e in _holder_edges; e[0] == k]
}

_project_edges := [[e[0][2], e[1]] | some e in _in_edges]

_held_in := {k: is |
	some k in {e[0] | some e in _project_edges}
	is := [e[1] | some e in _project_edges; e[0] == k]
}

_pair(a, b) if {
	a in _admin
	b in _user
}

_pair(a, b) if {
	a in _user
	b in _admin
}

_other_text(g) := "a crypto key encrypter or decrypter role" if g.role in _admin

else := "Cloud KMS Admin"

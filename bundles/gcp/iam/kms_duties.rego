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
	some o in _grants
	g.member != null
	o.member == g.member
	_pair(g.role, o.role)
	gcp.same_project(g.resource, o.resource)
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some g in _grants
	null in {g.role, g.member}
	some o in _grants
	o.role in (_admin | _user)
	o.member != null
	gcp.same_project(g.resource, o.resource)
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

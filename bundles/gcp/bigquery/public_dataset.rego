# METADATA
# title: BigQuery datasets grant nothing to allUsers or allAuthenticatedUsers
# description: >-
#   A dataset shared with allUsers or allAuthenticatedUsers can be queried by
#   anyone, which has exposed whole customer tables. Share data with named
#   groups, or publish it deliberately through a separate project.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#access
# custom:
#   id: TNT-GCP-BQ-001
#   severity: critical
#   controls:
#     cis-gcp-2.0.0: ["7.1"]
#     cis-gcp-3.0.0: ["7.1"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_bigquery_dataset, google_bigquery_dataset_access, google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_binding, google_bigquery_dataset_iam_policy]
#     per_resource: true
#   remediation: Remove access entries and IAM members for allUsers and allAuthenticatedUsers from the dataset.
package tenet.gcp.bigquery.public_dataset

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

# Besides the catalogue's dataset access blocks and IAM member/binding, the
# same grant can be made with google_bigquery_dataset_access (one entry per
# resource) and google_bigquery_dataset_iam_policy, so both are judged too.
deny contains result.fail_attr(d, sprintf("access.%d.%s", [i, field]), sprintf("access entry grants %s to %s", [object.get(entry, "role", "a role"), entry[field]])) if {
	some d in terraform.resources("google_bigquery_dataset")
	some i, entry in terraform.get(d, "access", [])
	some field in ["special_group", "iam_member"]
	entry[field] in gcp.public_members
}

deny contains result.fail_attr(a, field, sprintf("access entry grants %s to %s", [terraform.get(a, "role", "a role"), a.values[field]])) if {
	some a in terraform.resources("google_bigquery_dataset_access")
	some field in ["special_group", "iam_member"]
	a.values[field] in gcp.public_members
}

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants %s on the dataset", [gcp.grant_text(g)])) if {
	some g in gcp.iam_grants("google_bigquery_dataset")
	g.member in gcp.public_members
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some g in gcp.iam_grants("google_bigquery_dataset")
	g.member == null
}

# The access list is Computed: a wholly unknown list is the default, not a
# declaration; an unknown principal inside a declared entry is undecided.
unknown contains result.unknown(r, path) if {
	some r in array.concat(terraform.resources("google_bigquery_dataset"), terraform.resources("google_bigquery_dataset_access"))
	some u in terraform.unknown_paths(r)
	regex.match(`^(access\.[0-9]+\.)?(special_group|iam_member)$`, u)
	path := u
}

# Access entries set through a local or a dynamic block may be public; left
# out, BigQuery gives the project's owners, writers and readers.
unknown contains result.unknown(d, "access") if {
	some d in terraform.resources("google_bigquery_dataset")
	count(terraform.get(d, "access", [])) == 0
	compute.set_unknown(d, "access")
}

# METADATA
# title: CodeBuild source URLs hold no credentials
# description: >-
#   A repository URL with a password or access token in it
#   (https://user:token@bitbucket.org/...) stores the credential in clear
#   text in the project, the Terraform state and every place the project
#   definition is shown or logged. A project fails when the location of its
#   source or of a secondary source is a URL whose user information holds a
#   password (user:secret@) or a GitHub token (ghp_, github_pat_, ...). A
#   user name alone passes. Connect the repository with
#   aws_codebuild_source_credential or an AWS CodeConnections connection
#   instead. A location unknown until apply is reported unknown. Security
#   Hub control CodeBuild.1.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#location
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_source_credential
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-1
# custom:
#   id: TNT-AWS-CB-004
#   severity: critical
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_codebuild_project]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove the user information from the source location and import the token with aws_codebuild_source_credential (or use a CodeConnections connection); rotate the token that was exposed.
package tenet.aws.codebuild.source_credentials

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(p, path, sprintf("%s holds %s in the URL", [path, what])) if {
	some p in terraform.resources("aws_codebuild_project")
	some path in _locations(p)
	what := _credential(terraform.get(p, path, ""))
}

unknown contains result.unknown(p, path) if {
	some p in terraform.resources("aws_codebuild_project")
	some path in _locations(p)
	compute.presence_unknown(p, path)
}

_locations(p) := {sprintf("%s.%d.location", [block, i]) |
	some block in ["source", "secondary_sources"]
	some i, _ in terraform.get(p, block, [])
}

# The user information of a URL: what comes between :// and the first @
# before the host's path.
_userinfo(url) := m[1] if {
	m := regex.find_all_string_submatch_n(`^[a-zA-Z][a-zA-Z0-9+.-]*://([^/@]+)@`, url, 1)[0]
}

_credential(url) := "a password" if {
	contains(_userinfo(url), ":")
} else := "an access token" if {
	regex.match(`^(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|[0-9a-f]{40})$`, _userinfo(url))
}

# METADATA
# title: CodeBuild projects keep no AWS credentials in plain-text environment variables
# description: >-
#   Plain-text environment variables are shown in the console, returned by
#   the API to anyone who may read the project and stored in the Terraform
#   state. A project fails when an environment_variable of type PLAINTEXT
#   (the default) is named AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY, or
#   holds an AWS access key id, a secret access key, a private key, a
#   CloudFormation dynamic reference to a secret or a value marked
#   sensitive (a sensitive variable, a NoEcho parameter). Variables of type PARAMETER_STORE or SECRETS_MANAGER hold a reference
#   and pass; builds get AWS credentials from the project's service role.
#   A variable's type unknown until apply is reported unknown. Security Hub
#   control CodeBuild.2.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#environment_variable
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-2
# custom:
#   id: TNT-AWS-CB-005
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
#   remediation: Remove the credentials from the project (its service role gives builds AWS access), or store the value in Secrets Manager or Parameter Store and set the variable's type to SECRETS_MANAGER or PARAMETER_STORE.
package tenet.aws.codebuild.environment_credentials

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_names := {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}

deny contains result.fail_attr(p, sprintf("environment.environment_variable.%d", [i]), msg) if {
	some p in terraform.resources("aws_codebuild_project")
	some i, v in terraform.get(p, "environment.0.environment_variable", [])
	_plaintext(p, i)
	msg := _problem(v)
}

# A value marked sensitive (a Terraform sensitive variable, a NoEcho
# parameter) is a secret by its author's word; in a PLAINTEXT variable the
# project shows it to everyone who can read the project.
deny contains result.fail_attr(p, sprintf("environment.environment_variable.%d", [i]), msg) if {
	some p in terraform.resources("aws_codebuild_project")
	some i, v in terraform.get(p, "environment.0.environment_variable", [])
	_plaintext(p, i)
	not _problem(v)
	_sensitive(p, sprintf("environment.0.environment_variable.%d.value", [i]))
	msg := sprintf("plain-text environment variable %s holds a value marked sensitive: use PARAMETER_STORE or SECRETS_MANAGER", [v.name])
}

unknown contains result.unknown(p, sprintf("environment.environment_variable.%d.type", [i])) if {
	some p in terraform.resources("aws_codebuild_project")
	some i, v in terraform.get(p, "environment.0.environment_variable", [])
	terraform.unknown(p, sprintf("environment.0.environment_variable.%d.type", [i]))
	_problem(v)
}

# Variables written through a local may hold credentials.
unknown contains result.unknown(p, "environment.environment_variable") if {
	some p in terraform.resources("aws_codebuild_project")
	count(terraform.get(p, "environment.0.environment_variable", [])) == 0
	compute.set_unknown(p, "environment.0.environment_variable")
}

_plaintext(p, i) if {
	path := sprintf("environment.0.environment_variable.%d.type", [i])
	terraform.get(p, path, "PLAINTEXT") == "PLAINTEXT"
	not terraform.unknown(p, path)
}

_sensitive(p, path) if {
	some s in object.get(p, "sensitive", [])
	_covers(s, path)
}

_covers(s, path) if s == path

_covers(s, path) if startswith(path, concat("", [s, "."]))

_problem(v) := sprintf("plain-text environment variable %s holds an AWS credential", [v.name]) if {
	v.name in _names
} else := sprintf("plain-text environment variable %s contains %s", [v.name, concat(" and ", sort(found))]) if {
	found := compute.credentials(object.get(v, "value", ""))
	count(found) > 0
}

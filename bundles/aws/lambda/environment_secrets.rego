# METADATA
# title: Lambda environment variables hold no secrets
# description: >-
#   Environment variables are shown to anyone who can read the function's
#   configuration and are stored in plans and state in clear text. Secrets
#   belong in Secrets Manager or Parameter Store, read at run time.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#environment
# custom:
#   id: TNT-AWS-LMB-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lambda_function]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Move the value to Secrets Manager or Parameter Store and pass only its ARN or name in the variable.
package tenet.aws.lambda.environment_secrets

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Names that announce a secret, unless they announce a reference to one
# (DB_PASSWORD_ARN, API_KEY_PARAMETER, TOKEN_TTL is caught by the value test).
_secret_name := `(?i)(passw(or)?d|secret|token|api_?key|private_?key|credential)`

_reference_name := `(?i)_(arn|name|id|path|param|parameter|file|url|uri|endpoint|header|ttl|expiry|enabled)$`

# Values that are references, switches or numbers rather than secrets.
_reference_value := `^(arn:|\{\{resolve:|/|ssm:|secretsmanager:|true$|false$|[0-9]+$)`

deny contains result.fail_attr(f, concat(".", ["environment.variables", name]), msg) if {
	some f in terraform.resources("aws_lambda_function")
	some name, value in terraform.get(f, "environment.0.variables", {})
	msg := _problem(name, value)
}

unknown contains result.unknown(f, concat(".", ["environment.variables", name])) if {
	some f in terraform.resources("aws_lambda_function")
	some u in terraform.unknown_paths(f)
	startswith(u, "environment.0.variables.")
	name := substring(u, count("environment.0.variables."), -1)
	_secret_named(name)
}

_problem(name, value) := sprintf("environment variable %s contains %s", [name, concat(" and ", sort(found))]) if {
	found := compute.credentials(value)
	count(found) > 0
} else := sprintf("environment variable %s holds a literal secret value", [name]) if {
	_secret_named(name)
	is_string(value)
	value != ""
	not regex.match(_reference_value, value)
}

_secret_named(name) if {
	regex.match(_secret_name, name)
	not regex.match(_reference_name, name)
}

# Variables whose names are unknown (a whole map through a local or merge)
# may hold a secret.
unknown contains result.unknown(f, "environment.variables") if {
	some f in terraform.resources("aws_lambda_function")
	some u in terraform.unknown_paths(f)
	u in {"environment", "environment.0", "environment.0.variables"}
}

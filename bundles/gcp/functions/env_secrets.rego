# METADATA
# title: Cloud Functions keep secrets out of their environment variables
# description: >-
#   Environment variables of a Cloud Function are readable by everyone who
#   can view the function, are copied into its revisions and into the
#   Terraform state, and are never rotated. A password, token or key belongs
#   in Secret Manager, mounted with secret_environment_variables or
#   secret_volumes. A variable is reported when its name says it holds a
#   credential and its value is written literally, or when its value has the
#   shape of a known credential.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions_function#secret_environment_variables
#   - https://cloud.google.com/functions/docs/configuring/secrets
# custom:
#   id: TNT-GCP-FN-001
#   severity: high
#   controls:
#     cis-gcp-2.0.0: ["1.18"]
#     cis-gcp-3.0.0: ["1.17"]
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_cloudfunctions_function, google_cloudfunctions2_function]
#     per_resource: true
#   remediation: Store the value in Secret Manager and expose it with secret_environment_variables (or service_config.secret_environment_variables for 2nd gen functions) instead of environment_variables.
package tenet.gcp.functions.env_secrets

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(f, concat(".", [path, name]), sprintf("environment variable %q holds %s", [name, what])) if {
	some [f, path] in _env_maps
	some name, value in terraform.get(f, path, {})
	is_string(value)
	some what in gcp.env_credentials(name, value)
}

# A credential-named variable whose value is known only after apply (a
# generated password, a secret version's data) is reported unknown; other
# unknown values are not.
unknown contains result.unknown(f, concat(".", [path, name])) if {
	some [f, path] in _env_maps
	some p in terraform.unknown_paths(f)
	startswith(p, concat("", [path, "."]))
	name := substring(p, count(path) + 1, -1)
	gcp.credential_name(name)
}

# The whole map set from a value unknown until apply.
unknown contains result.unknown(f, path) if {
	some [f, path] in _env_maps
	path in terraform.unknown_paths(f)
	not compute.unset(f, path)
}

# The runtime and build environment maps of both generations.
_env_maps contains [f, path] if {
	some f in terraform.resources("google_cloudfunctions_function")
	some path in ["environment_variables", "build_environment_variables"]
}

_env_maps contains [f, path] if {
	some f in terraform.resources("google_cloudfunctions2_function")
	some path in ["service_config.0.environment_variables", "build_config.0.environment_variables"]
}

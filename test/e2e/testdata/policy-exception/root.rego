package main

import rego.v1

# conftest's exception example: one deployment may run as root.
deny_run_as_root contains msg if {
	input.kind == "Deployment"
	not input.spec.template.spec.securityContext.runAsNonRoot
	msg := sprintf("Deployment %s must set runAsNonRoot", [input.metadata.name])
}

exception contains rules if {
	input.kind == "Deployment"
	input.metadata.name == "debug"
	rules := ["run_as_root"]
}

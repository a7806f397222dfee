package main

import rego.v1

# A policy written for conftest, unchanged: it reads the manifest itself.
deny contains msg if {
	input.kind == "Deployment"
	not input.spec.template.spec.securityContext.runAsNonRoot
	msg := sprintf("Deployment %s must set runAsNonRoot", [input.metadata.name])
}

# Rego v0, as written before OPA 1.0: no `if`, no `contains`.
package main

deny[msg] {
	input.kind == "Deployment"
	c := input.spec.template.spec.containers[_]
	endswith(c.image, ":latest")
	msg := sprintf("container %s uses the latest tag", [c.name])
}

warn[msg] {
	input.spec.replicas < 2
	msg := "a single replica"
}

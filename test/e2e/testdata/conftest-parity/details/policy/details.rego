package main

import rego.v1

# Result objects: the keys beside msg travel with the finding.
deny contains {"msg": msg, "details": {"container": c.name, "image": c.image}} if {
	some c in input.spec.template.spec.containers
	endswith(c.image, ":latest")
	msg := sprintf("container %s uses the latest tag", [c.name])
}

warn contains {"msg": "a single replica", "details": {"replicas": input.spec.replicas}, "owner": "platform"} if {
	input.spec.replicas < 2
}

package main

import rego.v1

# A deliberately failing test: verify --var-values shows why.
test_owner_missing if {
	obj := {"metadata": {"name": "api", "labels": {"owner": "team-a"}}}
	print("checking", obj.metadata.name)
	deny["objects must have an owner label"] with input as obj
}

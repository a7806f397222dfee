package main

import rego.v1

deny contains msg if {
	not input.metadata.labels.owner
	msg := "objects must have an owner label"
}

package main

import rego.v1

# Reads a file above the working directory (the repository's
# .goreleaser.yaml): conftest reads it, tenet refuses.
deny contains msg if {
	c := parse_config_file("../../../../../../.goreleaser.yaml")
	msg := sprintf("read %s from outside the working directory", [c.project_name])
}

package tenet.docker.image.non_root_user_test

import rego.v1

import data.tenet.docker.image.non_root_user
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := non_root_user.deny with input as fixtures.dockerfile(stages)
}

test_allow_non_root_user if {
	count(_deny([fixtures.stage("", "python:3.12-slim", [fixtures.ins("RUN", ["useradd app"]), fixtures.ins("USER", ["app"])])])) == 0
}

test_allow_numeric_user if {
	count(_deny([fixtures.stage("", "alpine:3.20", [fixtures.ins("USER", ["10001:10001"])])])) == 0
}

test_deny_no_user if {
	d := _deny([fixtures.stage("", "python:3.12-slim", [fixtures.ins("RUN", ["pip install flask"])])])
	some f in d
	f.resource == "stage.0"
	f.attribute == "from"
	contains(f.msg, "sets no USER")
}

test_deny_root_user_at_its_line if {
	d := _deny([fixtures.stage("", "alpine:3.20", [fixtures.ins("USER", ["app"]), fixtures.ins("USER", ["0:0"])])])
	d == {{"msg": "the final stage runs as 0:0", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_allow_root_in_a_build_stage_only if {
	count(_deny([
		fixtures.stage("build", "golang:1.23", [fixtures.ins("USER", ["root"])]),
		fixtures.stage("", "gcr.io/distroless/static:nonroot", [fixtures.ins("USER", ["nonroot"])]),
	])) == 0
}

test_deny_root_inherited_from_an_earlier_stage if {
	count(_deny([
		fixtures.stage("base", "debian:12", [fixtures.ins("USER", ["app"])]),
		fixtures.stage_from("", "base", [fixtures.ins("COPY", ["app", "/app"])]),
	])) == 0
	d := _deny([
		fixtures.stage("base", "debian:12", [fixtures.ins("USER", ["root"])]),
		fixtures.stage_from("", "base", []),
	])
	some f in d
	contains(f.msg, "the user of the stage it is built on")
}

package tenet.docker.image.base_pinned_test

import rego.v1

import data.tenet.docker.image.base_pinned
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := base_pinned.deny with input as fixtures.dockerfile(stages)
}

_unknown(stages) := u if {
	u := base_pinned.unknown with input as fixtures.dockerfile(stages)
}

# _from_arg is a stage FROM raw, an image that names a build argument
# without a value, as the loader gives it.
_from_arg(name, raw, instructions) := object.union(json.remove(fixtures.stage(name, "x", instructions), ["values/from"]), {
	"values": {"from": {"raw": raw}},
	"unknown": ["from.image", "from.tag", "from.digest"],
})

test_allow_version_tag if {
	count(_deny([fixtures.stage("", "python:3.12-slim", [])])) == 0
	count(_unknown([fixtures.stage("", "python:3.12-slim", [])])) == 0
}

test_allow_digest_without_tag if {
	count(_deny([fixtures.stage("", "alpine@sha256:beefdead", [])])) == 0
}

test_allow_latest_pinned_by_digest if {
	count(_deny([fixtures.stage("", "nginx:latest@sha256:beefdead", [])])) == 0
}

test_allow_registry_with_port if {
	count(_deny([fixtures.stage("", "registry.example.com:5000/team/app:1.4.2", [])])) == 0
}

test_allow_scratch_and_earlier_stages if {
	count(_deny([
		fixtures.stage("build", "golang:1.23-bookworm", [fixtures.ins("RUN", ["go build -o /out/app ./cmd/app"])]),
		fixtures.stage_from("test", "build", [fixtures.ins("RUN", ["go test ./..."])]),
		fixtures.stage("", "scratch", [fixtures.ins_flags("COPY", ["--from=build"], ["/out/app", "/app"])]),
	])) == 0
}

test_deny_untagged_at_the_from_line if {
	d := _deny([fixtures.stage("", "ubuntu", [fixtures.ins("RUN", ["apt-get update"])])])
	d == {{"msg": "FROM ubuntu has no tag: it builds on whatever latest is at build time", "resource": "stage.0", "attribute": "from"}}
}

test_deny_latest if {
	d := _deny([fixtures.stage("", "node:latest", [])])
	d == {{"msg": "FROM node:latest uses the latest tag, which moves with every release", "resource": "stage.0", "attribute": "from"}}
}

test_deny_untagged_build_stage if {
	d := _deny([
		fixtures.stage("build", "golang", [fixtures.ins("RUN", ["go build -o /out/app ./cmd/app"])]),
		fixtures.stage("", "gcr.io/distroless/static-debian12:nonroot", [fixtures.ins_flags("COPY", ["--from=build"], ["/out/app", "/app"])]),
	])
	{f.resource | some f in d} == {"stage.build"}
}

test_deny_registry_port_is_not_a_tag if {
	d := _deny([fixtures.stage("", "registry.example.com:5000/team/app", [])])
	count(d) == 1
}

test_unknown_base_from_a_build_argument if {
	stages := [_from_arg("", "${BASE_IMAGE}", [fixtures.ins("RUN", ["true"])])]
	count(_deny(stages)) == 0
	u := _unknown(stages)
	u == {{"msg": "FROM ${BASE_IMAGE} depends on a build argument without a default: whether the base image is pinned is decided by --build-arg", "resource": "stage.0", "attribute": "from"}}
}

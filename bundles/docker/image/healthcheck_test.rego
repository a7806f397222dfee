package tenet.docker.image.healthcheck_test

import rego.v1

import data.tenet.docker.image.healthcheck
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := healthcheck.deny with input as fixtures.dockerfile(stages)
}

_unknown(stages) := u if {
	u := healthcheck.unknown with input as fixtures.dockerfile(stages)
}

_curl := fixtures.ins_flags("HEALTHCHECK", ["--interval=30s", "--timeout=3s"], ["CMD", "curl -fsS http://localhost:8080/healthz || exit 1"])

_from_arg(name, raw, instructions) := object.union(json.remove(fixtures.stage(name, "x", instructions), ["values/from"]), {
	"values": {"from": {"raw": raw}},
	"unknown": ["from.image", "from.tag", "from.digest"],
})

test_allow_shell_form if {
	count(_deny([fixtures.stage("", "node:22-alpine", [fixtures.ins("USER", ["node"]), _curl])])) == 0
}

test_allow_exec_form if {
	count(_deny([fixtures.stage("", "gcr.io/distroless/static-debian12", [fixtures.ins_exec("HEALTHCHECK", ["CMD", "/app/probe", "--port", "8080"])])])) == 0
}

test_allow_none_then_a_check if {
	count(_deny([fixtures.stage("", "nginx:1.27", [fixtures.ins("HEALTHCHECK", ["NONE"]), _curl])])) == 0
}

test_allow_only_the_final_stage_counts if {
	count(_deny([
		fixtures.stage("build", "golang:1.23", [fixtures.ins("RUN", ["go build -o /out/app ./cmd/app"])]),
		fixtures.stage("", "alpine:3.20", [fixtures.ins_flags("COPY", ["--from=build"], ["/out/app", "/app"]), _curl]),
	])) == 0
}

test_allow_inherited_from_an_earlier_stage if {
	count(_deny([
		fixtures.stage("base", "python:3.12-slim", [_curl]),
		fixtures.stage_from("dev", "base", [fixtures.ins("RUN", ["pip install pytest"])]),
		fixtures.stage_from("", "dev", [fixtures.ins("COPY", [".", "/app"])]),
	])) == 0
}

test_deny_no_healthcheck if {
	d := _deny([fixtures.stage("", "python:3.12-slim", [fixtures.ins_exec("CMD", ["python", "app.py"])])])
	d == {{"msg": "the final stage defines no HEALTHCHECK: nothing tells whether the service answers", "resource": "stage.0", "attribute": "from"}}
}

test_deny_healthcheck_in_a_build_stage_only if {
	d := _deny([
		fixtures.stage("build", "node:22", [_curl]),
		fixtures.stage("", "nginx:1.27-alpine", [fixtures.ins_flags("COPY", ["--from=build"], ["/app/dist", "/usr/share/nginx/html"])]),
	])
	{f.resource | some f in d} == {"stage.1"}
}

test_deny_healthcheck_none_at_its_line if {
	d := _deny([fixtures.stage("", "nginx:1.27", [_curl, fixtures.ins("HEALTHCHECK", ["NONE"])])])
	d == {{"msg": "HEALTHCHECK NONE disables the health check of the final stage", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_none_inherited if {
	d := _deny([
		fixtures.stage("base", "nginx:1.27", [fixtures.ins("HEALTHCHECK", ["NONE"])]),
		fixtures.stage_from("", "base", [fixtures.ins("COPY", ["site", "/usr/share/nginx/html"])]),
	])
	d == {{"msg": "the final stage is built on stage base, whose HEALTHCHECK NONE disables the health check", "resource": "stage.1", "attribute": "from"}}
}

test_allow_own_healthcheck_overrides_inherited_none if {
	count(_deny([
		fixtures.stage("base", "nginx:1.27", [fixtures.ins("HEALTHCHECK", ["NONE"])]),
		fixtures.stage_from("", "base", [_curl]),
	])) == 0
}

test_unknown_base_may_be_a_stage_with_a_healthcheck if {
	stages := [
		fixtures.stage("prod", "python:3.12-slim", [_curl]),
		_from_arg("", "${TARGET}", [fixtures.ins("COPY", [".", "/app"])]),
	]
	count(_deny(stages)) == 0
	u := _unknown(stages)
	count(u) == 1
	some f in u
	f.resource == "stage.1"
	contains(f.msg, "${TARGET}")
}

test_deny_unknown_base_without_any_healthcheck if {
	stages := [
		fixtures.stage("build", "golang:1.23", []),
		_from_arg("", "${RUNTIME}", [fixtures.ins("COPY", [".", "/app"])]),
	]
	count(_deny(stages)) == 1
	count(_unknown(stages)) == 0
}

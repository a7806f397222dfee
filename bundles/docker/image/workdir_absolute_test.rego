package tenet.docker.image.workdir_absolute_test

import rego.v1

import data.tenet.docker.image.workdir_absolute
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := workdir_absolute.deny with input as fixtures.dockerfile(stages)
}

_workdirs(dirs) := [fixtures.stage("", "node:22-slim", [fixtures.ins("WORKDIR", [d]) | some d in dirs])]

test_allow_absolute_and_variable_paths if {
	count(_deny(_workdirs(["/app", "/usr/src/app/", "$HOME/app", "${APP_DIR}", "${APP_HOME:-/opt/app}/src", `"/srv/my app"`]))) == 0
}

test_allow_windows_paths if {
	count(_deny([fixtures.stage("", "mcr.microsoft.com/windows/servercore:ltsc2022", [
		fixtures.ins("WORKDIR", [`C:\app`]),
		fixtures.ins("WORKDIR", [`c:/src`]),
		fixtures.ins("WORKDIR", [`C:\\Python`]),
		fixtures.ins("WORKDIR", [`\tools`]),
	])])) == 0
}

test_deny_relative_name if {
	d := _deny(_workdirs(["/usr/src", "app"]))
	d == {{"msg": "WORKDIR app is relative: it is resolved against the WORKDIR before it, or the base image's", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_dot_slash_quoted_and_home if {
	d := _deny(_workdirs(["./src", `"build"`, "~/app", "../lib"]))
	{f.attribute | some f in d} == {"instructions.0", "instructions.1", "instructions.2", "instructions.3"}
	some f in d
	f.attribute == "instructions.1"
	contains(f.msg, "WORKDIR build is relative")
}

test_deny_in_any_stage if {
	d := _deny([
		fixtures.stage("build", "golang:1.23", [fixtures.ins("WORKDIR", ["src"]), fixtures.ins("RUN", ["go build -o /out/app"])]),
		fixtures.stage("", "gcr.io/distroless/static:nonroot", [fixtures.ins("WORKDIR", ["/app"])]),
	])
	{f.resource | some f in d} == {"stage.build"}
}

package tenet.docker.image.insecure_build_test

import rego.v1

import data.tenet.docker.image.insecure_build
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := insecure_build.deny with input as fixtures.dockerfile(stages)
}

test_allow_plain_run_and_cache_mounts if {
	count(_deny([fixtures.stage("", "golang:1.23", [
		fixtures.ins_flags("RUN", ["--mount=type=cache,target=/root/.cache/go-build"], ["go build -o /out/app ./cmd/app"]),
		fixtures.ins_flags("RUN", ["--network=none"], ["go test ./..."]),
		fixtures.ins_flags("RUN", ["--security=sandbox"], ["make"]),
	])])) == 0
}

test_deny_security_insecure if {
	d := _deny([fixtures.stage("", "debian:12", [
		fixtures.ins("RUN", ["apt-get update"]),
		fixtures.ins_flags("RUN", ["--security=insecure"], ["mount -t tmpfs none /mnt && make install"]),
	])])
	d == {{
		"msg": "RUN --security=insecure: the step runs with all capabilities and no seccomp or AppArmor profile on the build host",
		"resource": "stage.0", "attribute": "instructions.1",
	}}
}

test_deny_network_host_in_a_build_stage if {
	d := _deny([
		fixtures.stage("build", "node:22", [fixtures.ins_flags("RUN", ["--mount=type=cache,target=/root/.npm", "--network=host"], ["npm ci"])]),
		fixtures.stage("", "node:22-slim", [fixtures.ins_flags("COPY", ["--from=build"], ["/app", "/app"])]),
	])
	d == {{"msg": "RUN --network=host: the step shares the build host's network", "resource": "stage.build", "attribute": "instructions.0"}}
}

test_deny_both_flags_on_one_step if {
	d := _deny([fixtures.stage("", "alpine:3.20", [fixtures.ins_flags("RUN", ["--network=host", "--security=insecure"], ["./setup.sh"])])])
	count(d) == 2
}

test_allow_flags_written_in_the_command_not_on_run if {
	# docker run flags inside the script are not build flags.
	count(_deny([fixtures.stage("", "docker:27-cli", [
		fixtures.ins("RUN", ["echo 'docker run --network=host --security-opt seccomp=unconfined app' > /usr/local/bin/run-app"]),
		fixtures.ins_exec("CMD", ["docker", "run", "--network=host", "app"]),
	])])) == 0
}

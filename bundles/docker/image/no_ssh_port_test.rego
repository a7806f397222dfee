package tenet.docker.image.no_ssh_port_test

import rego.v1

import data.tenet.docker.image.no_ssh_port
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := no_ssh_port.deny with input as fixtures.dockerfile(stages)
}

_one(instructions) := _deny([fixtures.stage("", "debian:12-slim", instructions)])

test_deny_expose_22_among_other_ports if {
	d := _one([
		fixtures.ins("RUN", ["apt-get update && apt-get install -y --no-install-recommends openssh-server && rm -rf /var/lib/apt/lists/*"]),
		fixtures.ins("EXPOSE", ["8080", "22"]),
	])
	d == {{"msg": "EXPOSE 22 exposes the SSH port 22", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_expose_22_with_a_protocol if {
	count(_one([fixtures.ins("EXPOSE", ["22/tcp"])])) == 1
	count(_one([fixtures.ins("EXPOSE", ["22/UDP"])])) == 1
}

test_deny_a_range_that_includes_22 if {
	d := _one([fixtures.ins("EXPOSE", ["80", "20-25/tcp"])])
	{f.msg | some f in d} == {"EXPOSE 20-25/tcp exposes the SSH port 22"}
}

test_deny_22_through_an_arg_or_env if {
	d := _one([fixtures.ins("ARG", ["SSH_PORT=22"]), fixtures.ins("EXPOSE", ["${SSH_PORT}/tcp", "8080"])])
	{f.msg | some f in d} == {"EXPOSE ${SSH_PORT}/tcp (22/tcp) exposes the SSH port 22"}
	count(_one([fixtures.ins("ENV", ["SSHD_PORT=22", "APP_PORT=8080"]), fixtures.ins("EXPOSE", ["$SSHD_PORT"])])) == 1
}

# The loader gives ENV as BuildKit's triples: ENV APP_PORT=8080 SSHD_PORT=22
# and the legacy ENV SSHD_PORT 22.
test_deny_22_through_env_as_the_loader_gives_it if {
	count(_one([fixtures.ins("ENV", ["APP_PORT", "8080", "=", "SSHD_PORT", "22", "="]), fixtures.ins("EXPOSE", ["$SSHD_PORT"])])) == 1
	count(_one([fixtures.ins("ENV", ["SSHD_PORT", "22", ""]), fixtures.ins("EXPOSE", ["$SSHD_PORT"])])) == 1
	count(_one([fixtures.ins("ENV", ["SSHD_PORT", "22", ""]), fixtures.ins("ENV", ["SSHD_PORT", "2222", ""]), fixtures.ins("EXPOSE", ["$SSHD_PORT"])])) == 0
}

test_deny_22_through_a_global_arg_declared_in_the_stage if {
	global := object.union(fixtures.ins("ARG", ["SSH_PORT=22"]), {"global": true})
	count(_one([global, fixtures.ins("ARG", ["SSH_PORT"]), fixtures.ins("EXPOSE", ["$SSH_PORT"])])) == 1
}

test_deny_in_a_build_stage if {
	d := _deny([
		fixtures.stage("dev", "ubuntu:24.04", [fixtures.ins("EXPOSE", ["22"])]),
		fixtures.stage("", "ubuntu:24.04", [fixtures.ins("EXPOSE", ["8080"])]),
	])
	{[f.resource, f.attribute] | some f in d} == {["stage.dev", "instructions.0"]}
}

test_allow_other_ports if {
	count(_one([fixtures.ins("EXPOSE", ["2222", "8022/tcp", "220", "80", "443/tcp", "23-25"])])) == 0
}

test_allow_a_global_arg_not_declared_in_the_stage if {
	global := object.union(fixtures.ins("ARG", ["SSH_PORT=22"]), {"global": true})
	count(_one([global, fixtures.ins("EXPOSE", ["$SSH_PORT", "8080"])])) == 0
}

test_allow_a_variable_with_another_port if {
	count(_one([fixtures.ins("ARG", ["PORT=8080"]), fixtures.ins("EXPOSE", ["${PORT}"])])) == 0
	count(_one([fixtures.ins("EXPOSE", ["$PORT"])])) == 0
}

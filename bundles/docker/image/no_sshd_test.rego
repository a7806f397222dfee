package tenet.docker.image.no_sshd_test

import rego.v1

import data.tenet.docker.image.no_sshd
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := no_sshd.deny with input as fixtures.dockerfile(stages)
}

test_allow_ssh_client_and_git if {
	count(_deny([fixtures.stage("", "python:3.12-slim", [
		fixtures.ins("RUN", ["apt-get update && apt-get install -y --no-install-recommends openssh-client git && rm -rf /var/lib/apt/lists/*"]),
		fixtures.ins("RUN", ["apk add --no-cache openssh-client-default"]),
		fixtures.ins("RUN", ["mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts"]),
		fixtures.ins_exec("CMD", ["ssh-agent", "gunicorn", "app:app"]),
	])])) == 0
}

test_deny_openssh_server_in_a_continued_chain if {
	d := _deny([fixtures.stage("", "ubuntu:24.04", [fixtures.ins("RUN", ["apt-get update &&     apt-get install -y --no-install-recommends \t\tca-certificates \t\topenssh-server=1:9.6p1-3ubuntu13 &&     mkdir /var/run/sshd"])])])
	d == {{"msg": "RUN installs openssh-server: the image carries an SSH server", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_options_before_the_verb_and_other_managers if {
	d := _deny([fixtures.stage("", "alpine:3.20", [
		fixtures.ins("RUN", ["apk --no-cache add openssh"]),
		fixtures.ins("RUN", ["apt-get -y install ssh"]),
		fixtures.ins("RUN", ["dnf -y install openssh-server-8.7p1 && dnf clean all"]),
		fixtures.ins("RUN", ["zypper --non-interactive in openssh-server"]),
		fixtures.heredoc("RUN", "set -e\napk add dropbear\n"),
	])])
	{f.attribute | some f in d} == {"instructions.0", "instructions.1", "instructions.2", "instructions.3", "instructions.4"}
}

test_allow_alpine_openssh_name_on_rpm if {
	# On RHEL and Fedora, openssh is the common package; the server is openssh-server.
	count(_deny([fixtures.stage("", "registry.access.redhat.com/ubi9/ubi:9.4", [fixtures.ins("RUN", ["dnf install -y openssh openssh-clients && dnf clean all"])])])) == 0
}

test_deny_cmd_exec_form_starts_sshd if {
	d := _deny([fixtures.stage("", "debian:12", [fixtures.ins("EXPOSE", ["22"]), fixtures.ins_exec("CMD", ["/usr/sbin/sshd", "-D", "-e"])])])
	d == {{"msg": "CMD starts an SSH server (sshd)", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_entrypoint_shell_form_starts_the_service if {
	d := _deny([fixtures.stage("", "debian:12", [fixtures.ins("ENTRYPOINT", ["service ssh start && exec nginx -g 'daemon off;'"])])])
	d == {{"msg": "ENTRYPOINT starts an SSH server (the ssh service)", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_allow_sshd_only_in_a_build_stage if {
	count(_deny([
		fixtures.stage("test", "debian:12", [fixtures.ins("RUN", ["apt-get update && apt-get install -y openssh-server"]), fixtures.ins_exec("CMD", ["/usr/sbin/sshd", "-D"])]),
		fixtures.stage("", "debian:12-slim", [fixtures.ins_flags("COPY", ["--from=test"], ["/etc/ssl/certs", "/etc/ssl/certs"]), fixtures.ins_exec("CMD", ["nginx"])]),
	])) == 0
}

test_deny_inherited_from_the_stage_it_is_built_on if {
	d := _deny([
		fixtures.stage("base", "debian:12", [fixtures.ins("RUN", ["apt-get update && apt-get install -y dropbear-bin"]), fixtures.ins_exec("CMD", ["dropbear", "-F", "-E"])]),
		fixtures.stage_from("", "base", [fixtures.ins("COPY", ["app", "/app"])]),
	])
	d == {
		{"msg": "RUN installs dropbear-bin: the image carries an SSH server", "resource": "stage.base", "attribute": "instructions.0"},
		{"msg": "CMD starts an SSH server (dropbear)", "resource": "stage.base", "attribute": "instructions.1"},
	}
}

test_allow_overridden_cmd if {
	# The final stage's CMD replaces the one it inherits; an ENTRYPOINT set
	# in a later stage drops an inherited CMD.
	d := _deny([
		fixtures.stage("base", "alpine:3.20", [fixtures.ins_exec("CMD", ["/usr/sbin/sshd", "-D"])]),
		fixtures.stage_from("mid", "base", [fixtures.ins_exec("CMD", ["/app/server"])]),
		fixtures.stage_from("", "mid", []),
	])
	count(d) == 0
	count(_deny([
		fixtures.stage("base", "alpine:3.20", [fixtures.ins_exec("CMD", ["/usr/sbin/sshd", "-D"])]),
		fixtures.stage_from("", "base", [fixtures.ins_exec("ENTRYPOINT", ["/app/server"])]),
	])) == 0
}

# _open_stage(name, raw, instructions) is a stage whose FROM raw depends on
# an ARG without a value: the loader leaves its image out and lists it as
# unknown.
_open_stage(name, raw, instructions) := object.union(object.remove(st, {"values"}), {
	"values": object.union(object.remove(st.values, {"from"}), {"from": {"raw": raw}}),
	"unknown": ["from.image", "from.tag", "from.digest"],
}) if {
	st := fixtures.stage(name, "scratch", instructions)
}

_unknown(stages) := u if {
	u := no_sshd.unknown with input as fixtures.dockerfile(stages)
}

test_unknown_when_the_final_base_may_be_a_stage_with_sshd if {
	stages := [
		fixtures.stage("export-alpine", "alpine:3.20", [fixtures.ins("RUN", ["apk add --no-cache fuse3 git openssh openssl"])]),
		fixtures.stage("export-debian", "debian:12-slim", [fixtures.ins("RUN", ["apt-get update && apt-get install -y git"]), fixtures.ins_exec("CMD", ["/usr/sbin/sshd", "-D"])]),
		_open_stage("", "export-$TARGETOS", [fixtures.ins("VOLUME", ["/var/lib/app"])]),
	]
	count(_deny(stages)) == 0
	_unknown(stages) == {
		{"msg": "RUN installs openssh: the image carries an SSH server if the final image is built on stage export-alpine (its FROM export-$TARGETOS depends on an ARG without a value)", "resource": "stage.export-alpine", "attribute": "instructions.0"},
		{"msg": "CMD starts an SSH server (sshd) if the final image is built on stage export-debian (its FROM export-$TARGETOS depends on an ARG without a value)", "resource": "stage.export-debian", "attribute": "instructions.1"},
	}
}

test_allow_unknown_base_when_no_stage_could_bring_sshd if {
	stages := [
		fixtures.stage("a", "alpine:3.20", [fixtures.ins_exec("CMD", ["/usr/sbin/sshd", "-D"])]),
		_open_stage("", "$BASE", [fixtures.ins_exec("CMD", ["/app/server"])]),
	]
	count(_deny(stages)) == 0
	count(_unknown(stages)) == 0
	count(_unknown([
		fixtures.stage("b", "alpine:3.20", [fixtures.ins("RUN", ["apk add --no-cache git"])]),
		_open_stage("", "$BASE", []),
	])) == 0
}

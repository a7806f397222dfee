package tenet.docker.image.no_setuid_test

import rego.v1

import data.tenet.docker.image.no_setuid
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := no_setuid.deny with input as fixtures.dockerfile(stages)
}

_runs(cmds) := [fixtures.stage("", "debian:12-slim", [fixtures.ins("RUN", [c]) | some c in cmds])]

_attrs(d) := {f.attribute | some f in d}

test_allow_plain_modes_and_removing_the_bits if {
	count(_deny(_runs([
		"chmod 755 /usr/local/bin/app",
		"chmod 0755 /usr/local/bin/app",
		"chmod u+x,g-w /usr/local/bin/app",
		"find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true",
		"chmod u-s /usr/bin/passwd && chmod g-s /usr/bin/wall",
		"chmod o+s /srv",
		"install -m 0755 app /usr/local/bin/app",
	]))) == 0
	count(_deny([fixtures.stage("", "alpine:3.20", [fixtures.ins_flags("COPY", ["--chmod=0755"], ["app", "/usr/local/bin/app"])])])) == 0
}

test_allow_setgid_on_directories if {
	count(_deny(_runs([
		"mkdir -p /srv/shared && chgrp staff /srv/shared && chmod 2775 /srv/shared",
		"mkdir -m 2775 /var/lib/team",
		"chmod g+s /data/uploads/",
		"mkdir -p /home/app/work && chmod g+rws /home/app/work",
	]))) == 0
}

test_deny_setuid_on_a_program if {
	d := _deny(_runs(["apt-get update && apt-get install -y --no-install-recommends iputils-ping && chmod u+s /usr/bin/ping"]))
	d == {{"msg": "RUN chmod u+s /usr/bin/ping adds the setuid bit", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_octal_and_symbolic_variants if {
	d := _deny(_runs([
		"chmod 4755 /usr/local/bin/helper",
		"chmod 2755 /usr/local/bin/mailer",
		"chmod -R 6755 /opt/tools/bin",
		"chmod 04711 /usr/local/bin/su-exec",
		"chmod +s /usr/bin/newgrp",
		"chmod a+s /usr/local/bin/x",
		"chmod ug+s /usr/local/bin/y",
		"chmod u=rwxs,go=rx /usr/local/bin/z",
		"chmod g+s /usr/bin/crontab",
	]))
	_attrs(d) == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 8)}
	msgs := {f.msg | some f in d}
	"RUN chmod 2755 /usr/local/bin/mailer adds the setgid bit" in msgs
	"RUN chmod -R 6755 /opt/tools/bin adds the setuid and setgid bits" in msgs
	"RUN chmod +s /usr/bin/newgrp adds the setuid and setgid bits" in msgs
}

test_deny_in_heredocs_exec_form_install_and_copy if {
	d := _deny([fixtures.stage("", "ubuntu:24.04", [
		fixtures.heredoc("RUN", "set -e\ncp helper /usr/local/bin/\nchmod 4755 /usr/local/bin/helper\n"),
		fixtures.ins_exec("RUN", ["chmod", "u+s", "/usr/local/bin/helper"]),
		fixtures.ins("RUN", ["install -o root -g root -m 4755 helper /usr/local/bin/helper"]),
		fixtures.ins_flags("COPY", ["--chmod=4755"], ["helper", "/usr/local/bin/helper"]),
		fixtures.ins_flags("ADD", ["--chmod=u+s"], ["tools.tar", "/usr/local/bin/"]),
	])])
	_attrs(d) == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 4)}
	some f in d
	f.attribute == "instructions.3"
	f.msg == "COPY --chmod=4755 adds the setuid bit"
}

test_deny_setuid_binary_built_in_another_stage if {
	d := _deny([
		fixtures.stage("build", "golang:1.23", [
			fixtures.ins("RUN", ["go build -o /out/helper ./cmd/helper && chmod u+s /out/helper"]),
			fixtures.ins("RUN", ["chmod 4755 /go/bin/dlv"]),
		]),
		fixtures.stage("", "debian:12-slim", [fixtures.ins_flags("COPY", ["--from=build"], ["/out/", "/usr/local/bin/"])]),
	])
	d == {{
		"msg": "RUN chmod u+s /out/helper adds the setuid bit, and the final image copies the files (COPY --from=build /out/)",
		"resource": "stage.build", "attribute": "instructions.0",
	}}
}

test_allow_setuid_in_a_stage_that_does_not_ship if {
	count(_deny([
		fixtures.stage("test", "debian:12", [fixtures.ins("RUN", ["chmod u+s /usr/bin/fusermount3"])]),
		fixtures.stage("", "debian:12-slim", [fixtures.ins("RUN", ["echo ok"])]),
	])) == 0
}

_open_stage(name, raw, instructions) := object.union(object.remove(st, {"values"}), {
	"values": object.union(object.remove(st.values, {"from"}), {"from": {"raw": raw}}),
	"unknown": ["from.image", "from.tag", "from.digest"],
}) if {
	st := fixtures.stage(name, "scratch", instructions)
}

_unknown(stages) := u if {
	u := no_setuid.unknown with input as fixtures.dockerfile(stages)
}

test_unknown_when_the_final_base_may_be_the_stage if {
	stages := [
		fixtures.stage("linux", "alpine:3.20", [fixtures.ins("RUN", ["chmod u+s /usr/local/bin/helper"])]),
		fixtures.stage("windows", "mcr.microsoft.com/windows/nanoserver:ltsc2022", []),
		_open_stage("", "$TARGETOS", [fixtures.ins("VOLUME", ["/var/lib/app"])]),
	]
	count(_deny(stages)) == 0
	_unknown(stages) == {{"msg": "RUN chmod u+s /usr/local/bin/helper adds the setuid bit if the final image is built on stage linux (its FROM $TARGETOS depends on an ARG without a value)", "resource": "stage.linux", "attribute": "instructions.0"}}
}

test_allow_unknown_base_when_the_stage_cannot_be_it if {
	# A later stage, or an unnamed one, cannot be named by the final FROM.
	count(_unknown([
		fixtures.stage("", "alpine:3.20", [fixtures.ins("RUN", ["chmod u+s /usr/local/bin/helper"])]),
		_open_stage("", "$TARGETOS", []),
	])) == 0
}

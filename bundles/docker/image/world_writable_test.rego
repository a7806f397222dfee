package tenet.docker.image.world_writable_test

import rego.v1

import data.tenet.docker.image.world_writable
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := world_writable.deny with input as fixtures.dockerfile(stages)
}

_runs(cmds) := [fixtures.stage("", "debian:12-slim", [fixtures.ins("RUN", [c]) | some c in cmds])]

_attrs(d) := {f.attribute | some f in d}

test_allow_narrow_modes if {
	count(_deny(_runs([
		"chmod 755 /usr/local/bin/entrypoint.sh",
		"chmod +x gradlew",
		"chmod -R g=u /app && chgrp -R 0 /app",
		"chmod 0644 /etc/app.conf",
		"chmod -R go-w /srv",
		"chmod u+w,o-rwx /data",
		"chmod 700 get_helm.sh; VERIFY_CHECKSUM=true ./get_helm.sh",
		"mkdir -p -m 0750 /var/lib/app",
		"install -Dm755 build/app /usr/local/bin/app",
		"chmod +w /app/cache",
	]))) == 0
	count(_deny([fixtures.stage("", "node:22-slim", [
		fixtures.ins_flags("COPY", ["--chown=node:node", "--chmod=755"], ["docker-entrypoint.sh", "/usr/local/bin/"]),
		fixtures.ins_flags("COPY", ["--chmod=u=rwX,go=rX"], [".", "/app"]),
	])])) == 0
}

test_allow_sticky_shared_directories if {
	count(_deny(_runs([
		"mkdir -p /tmp/app && chmod 1777 /tmp/app",
		"chmod a+rwxt /var/spool/shared",
		"mkdir -pm 1777 /run/lock/app",
		"chmod o+w,+t /scratch",
		"chmod 1772 /srv/drop",
	]))) == 0
}

test_deny_chmod_777 if {
	d := _deny(_runs(["mkdir -p /app/uploads && chmod 777 /app/uploads"]))
	d == {{"msg": "RUN chmod 777 /app/uploads makes files writable by every user", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_octal_and_symbolic_variants if {
	d := _deny(_runs([
		"chmod -R 0777 /var/www/html",
		"chmod 666 /var/log/app.log",
		"chmod a+w /opt/app/config",
		"chmod -R o+w /data",
		"chmod --recursive a+rwx /srv",
		"chmod ugo=rw /etc/app.ini",
		"chmod 0776 /srv/in",
	]))
	_attrs(d) == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 6)}
}

test_deny_in_chains_heredocs_exec_form_and_find if {
	d := _deny([fixtures.stage("", "ubuntu:24.04", [
		fixtures.ins("RUN", ["set -eux;     useradd app;     mkdir /data;     chmod -R \t777 /data"]),
		fixtures.heredoc("RUN", "set -e\nmkdir -p /cache\nchmod 0777 /cache\n"),
		fixtures.ins_exec("RUN", ["sh", "-c", "chmod 777 /opt/app"]),
		fixtures.ins("RUN", ["find /app -type d -exec chmod 777 {} +"]),
		fixtures.ins("RUN", ["mkdir -m 777 /var/run/app"]),
		fixtures.ins("RUN", ["install -Dm666 app.conf /etc/app/app.conf"]),
	])])
	_attrs(d) == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 5)}
	some f in d
	f.attribute == "instructions.5"
	f.msg == "RUN install -Dm666 app.conf /etc/app/app.conf makes files writable by every user"
}

test_deny_copy_and_add_chmod if {
	d := _deny([fixtures.stage("", "nginx:1.27", [
		fixtures.ins_flags("COPY", ["--chmod=777"], ["html/", "/usr/share/nginx/html/"]),
		fixtures.ins_flags("ADD", ["--chown=101", "--chmod=o+w"], ["conf.tar.gz", "/etc/nginx/"]),
	])])
	d == {
		{"msg": "COPY --chmod=777 makes files writable by every user", "resource": "stage.0", "attribute": "instructions.0"},
		{"msg": "ADD --chmod=o+w makes files writable by every user", "resource": "stage.0", "attribute": "instructions.1"},
	}
}

test_allow_build_stage_files_that_do_not_ship if {
	count(_deny([
		fixtures.stage("build", "golang:1.23", [
			fixtures.ins("RUN", ["mkdir -p /go/pkg/mod && chmod -R 777 /go/pkg/mod"]),
			fixtures.ins("RUN", ["go build -o /out/app ./cmd/app"]),
		]),
		fixtures.stage("", "gcr.io/distroless/static:nonroot", [fixtures.ins_flags("COPY", ["--from=build"], ["/out/app", "/app"])]),
	])) == 0
}

test_deny_build_stage_files_copied_into_the_final_image if {
	d := _deny([
		fixtures.stage("build", "node:22", [
			fixtures.ins("WORKDIR", ["/src"]),
			fixtures.ins("RUN", ["npm ci && npm run build && chmod -R 777 dist"]),
		]),
		fixtures.stage("", "nginx:1.27", [fixtures.ins_flags("COPY", ["--from=build"], ["/src/dist/", "/usr/share/nginx/html/"])]),
	])
	d == {{
		"msg": "RUN chmod -R 777 dist makes files writable by every user, and the final image copies them (COPY --from=build /src/dist/)",
		"resource": "stage.build", "attribute": "instructions.1",
	}}
}

test_deny_stage_by_index_and_inherited if {
	d := _deny([
		fixtures.stage("", "alpine:3.20", [fixtures.ins_flags("COPY", ["--chmod=0666"], ["app.conf", "/etc/app/"])]),
		fixtures.stage("base", "alpine:3.20", [fixtures.ins("RUN", ["chmod 777 /srv"])]),
		fixtures.stage_from("", "base", [fixtures.ins_flags("COPY", ["--from=0"], ["/etc/app/app.conf", "/etc/app/app.conf"])]),
	])
	{[f.resource, f.attribute] | some f in d} == {["stage.0", "instructions.0"], ["stage.base", "instructions.0"]}
}

_open_stage(name, raw, instructions) := object.union(object.remove(st, {"values"}), {
	"values": object.union(object.remove(st.values, {"from"}), {"from": {"raw": raw}}),
	"unknown": ["from.image", "from.tag", "from.digest"],
}) if {
	st := fixtures.stage(name, "scratch", instructions)
}

_unknown(stages) := u if {
	u := world_writable.unknown with input as fixtures.dockerfile(stages)
}

test_unknown_when_the_final_base_may_be_the_stage if {
	stages := [
		fixtures.stage("linux", "alpine:3.20", [fixtures.ins("RUN", ["chmod -R 777 /var/lib/app"])]),
		fixtures.stage("windows", "mcr.microsoft.com/windows/nanoserver:ltsc2022", []),
		_open_stage("", "$TARGETOS", [fixtures.ins("VOLUME", ["/var/lib/app"])]),
	]
	count(_deny(stages)) == 0
	_unknown(stages) == {{"msg": "RUN chmod -R 777 /var/lib/app makes files writable by every user if the final image is built on stage linux (its FROM $TARGETOS depends on an ARG without a value)", "resource": "stage.linux", "attribute": "instructions.0"}}
}

test_allow_unknown_base_when_the_stage_cannot_be_it if {
	# A later stage, or an unnamed one, cannot be named by the final FROM.
	count(_unknown([
		fixtures.stage("", "alpine:3.20", [fixtures.ins("RUN", ["chmod -R 777 /var/lib/app"])]),
		_open_stage("", "$TARGETOS", []),
	])) == 0
}

package tenet.docker.image.copy_not_add_test

import rego.v1

import data.tenet.docker.image.copy_not_add
import data.tenet.lib.fixtures

_deny(instructions) := d if {
	d := copy_not_add.deny with input as fixtures.dockerfile([fixtures.stage("", "debian:12-slim", instructions)])
}

_unknown(instructions) := u if {
	u := copy_not_add.unknown with input as fixtures.dockerfile([fixtures.stage("", "debian:12-slim", instructions)])
}

test_allow_copy if {
	count(_deny([
		fixtures.ins_flags("COPY", ["--chown=app:app"], ["requirements.txt", "app/", "/srv/app/"]),
		fixtures.ins_exec("COPY", ["entrypoint.sh", "/usr/local/bin/"]),
	])) == 0
}

test_allow_local_tar_archives if {
	count(_deny([
		fixtures.ins("ADD", ["rootfs.tar.xz", "/"]),
		fixtures.ins("ADD", ["vendor.tgz", "node_modules.tar.gz", "/srv/app/"]),
		fixtures.ins_exec("ADD", ["jdk-21_linux-x64_bin.tar.gz", "/opt/"]),
		fixtures.ins("ADD", ["site-${VERSION}.tar.bz2", "/var/www/"]),
	])) == 0
}

test_allow_remote_with_checksum if {
	count(_deny([
		fixtures.ins_flags("ADD", ["--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d"], ["https://github.com/tini/tini/releases/download/v0.19.0/tini", "/tini"]),
		fixtures.ins_flags("ADD", ["--checksum=782a1a7dfa5c4b6a6e22e5fbc0d6ca2b8a2b2bca"], ["https://github.com/moby/buildkit.git#v0.14.0", "/src"]),
	])) == 0
}

test_deny_local_file_at_its_line if {
	d := _deny([fixtures.ins("WORKDIR", ["/app"]), fixtures.ins_flags("ADD", ["--chown=app:app"], ["package.json", "server.js", "./"])])
	d == {{"msg": "ADD copies package.json, server.js from the build context: COPY would do, without ADD's URL fetching and archive extraction", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_local_file_with_an_archive if {
	d := _deny([fixtures.ins("ADD", ["vendor.tar.gz", "config.yml", "/srv/"])])
	some f in d
	contains(f.msg, "ADD copies config.yml from")
}

test_deny_exec_form_and_directory if {
	count(_deny([fixtures.ins_exec("ADD", ["static/", "/usr/share/nginx/html/"])])) == 1
}

test_deny_local_zip_is_not_extracted if {
	count(_deny([fixtures.ins("ADD", ["dist.zip", "/opt/"])])) == 1
}

test_deny_heredoc if {
	d := _deny([object.union(fixtures.heredoc("ADD", "#!/bin/sh\nexec \"$@\"\n"), {"args": ["<<EOF", "/entrypoint.sh"]})])
	some f in d
	contains(f.msg, "ADD copies the heredoc EOF")
}

test_deny_remote_without_checksum if {
	d := _deny([fixtures.ins("ADD", ["http://example.com/package.zip", "/temp"])])
	d == {{"msg": "ADD fetches http://example.com/package.zip without --checksum: a changed or tampered download goes into the image unnoticed", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_remote_tar_is_not_extracted_and_not_verified if {
	count(_deny([fixtures.ins("ADD", ["https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz", "/opt/"])])) == 1
}

test_deny_git_repositories if {
	d := _deny([
		fixtures.ins_flags("ADD", ["--keep-git-dir=true"], ["https://github.com/moby/buildkit.git#v0.14.0", "/src"]),
		fixtures.ins("ADD", ["git@github.com:moby/buildkit.git", "/src2"]),
	])
	count(d) == 2
}

test_deny_remote_credentials_are_not_printed if {
	d := _deny([fixtures.ins("ADD", ["https://deploy:s3cr3t@artifacts.example.com/app.jar", "/app.jar"])])
	some f in d
	contains(f.msg, "https://***@artifacts.example.com/app.jar")
	not contains(f.msg, "s3cr3t")
}

test_deny_flag_value_written_apart_is_not_a_source if {
	# --chown app:app, as the loader gives it: the value is the first argument.
	d := _deny([fixtures.ins_flags("ADD", ["--chown"], ["app:app", "https://example.com/app.jar", "/app.jar"])])
	{f.msg | some f in d} == {"ADD fetches https://example.com/app.jar without --checksum: a changed or tampered download goes into the image unnoticed"}
	count(_deny([fixtures.ins_flags("ADD", ["--checksum"], ["sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d", "https://example.com/app.jar", "/app.jar"])])) == 0
}

test_deny_in_a_build_stage if {
	d := copy_not_add.deny with input as fixtures.dockerfile([
		fixtures.stage("build", "maven:3.9-eclipse-temurin-21", [fixtures.ins("ADD", ["pom.xml", "/build/"])]),
		fixtures.stage("", "eclipse-temurin:21-jre", [fixtures.ins_flags("COPY", ["--from=build"], ["/build/target/app.jar", "/app.jar"])]),
	])
	{f.resource | some f in d} == {"stage.build"}
}

test_unknown_source_from_a_build_argument if {
	ins := [fixtures.ins("ARG", ["DIST_URL"]), fixtures.ins("ADD", ["${DIST_URL}", "/opt/dist"])]
	count(_deny(ins)) == 0
	_unknown(ins) == {{"msg": "ADD source ${DIST_URL} is a build argument: whether it is a local file, an archive or a URL is decided when the image is built", "resource": "stage.0", "attribute": "instructions.1"}}
}

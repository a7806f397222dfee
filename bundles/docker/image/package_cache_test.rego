package tenet.docker.image.package_cache_test

import rego.v1

import data.tenet.docker.image.package_cache
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := package_cache.deny with input as fixtures.dockerfile(stages)
}

_run(image, cmd) := _deny([fixtures.stage("", image, [fixtures.ins("RUN", [cmd])])])

_msgs(d) := {f.msg | some f in d}

test_deny_apt_get_install_with_extras_and_lists if {
	d := _run("debian:12-slim", "apt-get update && apt-get install -y curl ca-certificates")
	d == {{
		"msg": "RUN: apt-get install is not followed by rm -rf /var/lib/apt/lists/*; apt-get install runs without --no-install-recommends",
		"resource": "stage.0", "attribute": "instructions.0",
	}}
}

test_deny_apt_install_without_recommends_off if {
	_msgs(_run("ubuntu:24.04", "apt update && apt install -y --no-install-recommends git")) == {"RUN: apt install is not followed by rm -rf /var/lib/apt/lists/*"}
	_msgs(_run("ubuntu:24.04", "apt-get update && apt-get -y install git && rm -rf /var/lib/apt/lists/*")) == {"RUN: apt-get install runs without --no-install-recommends"}
}

test_deny_lists_removed_before_the_install if {
	_msgs(_run("debian:12", "rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y --no-install-recommends make")) == {"RUN: apt-get install is not followed by rm -rf /var/lib/apt/lists/*"}
}

test_deny_lists_removed_in_a_later_run if {
	d := _deny([fixtures.stage("", "debian:12", [
		fixtures.ins("RUN", ["apt-get update && apt-get install -y --no-install-recommends nginx"]),
		fixtures.ins("RUN", ["rm -rf /var/lib/apt/lists/*"]),
	])])
	{f.attribute | some f in d} == {"instructions.0"}
}

test_allow_apt_get_install_done_right if {
	count(_run("debian:12-slim", "apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*")) == 0
	count(_run("debian:12-slim", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold install -y --no-install-recommends tzdata && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/*")) == 0
}

# The shared dockerlib file: set -eux; a tab-indented package list over
# continuation lines; the lists removed after other commands.
test_allow_continuation_lines_and_tabs if {
	count(_run("debian:bookworm-slim", "set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*")) == 0
}

test_allow_recommends_off_by_option_or_config if {
	count(_run("debian:12", "apt-get update && apt-get install -y -o APT::Install-Recommends=false git && rm -rf /var/lib/apt/lists/*")) == 0
	count(_deny([
		fixtures.stage("base", "debian:12", [fixtures.ins("RUN", [`echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends`])]),
		fixtures.stage_from("", "base", [fixtures.ins("RUN", ["apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*"])]),
	])) == 0
}

test_allow_lists_removed_through_cd_or_distclean if {
	count(_run("ubuntu:24.04", "apt-get update && apt-get install --yes --no-install-recommends git && apt-get clean autoclean && cd /var/lib && rm -rf apt dpkg cache log")) == 0
	count(_run("debian:13", "apt-get update && apt-get install -y --no-install-recommends git && apt-get distclean")) == 0
}

test_allow_cache_mounts if {
	ins := fixtures.ins_flags("RUN", ["--mount=type=cache,target=/var/cache/apt,sharing=locked", "--mount=type=cache,target=/var/lib/apt,sharing=locked"], ["apt-get update && apt-get install -y --no-install-recommends gcc"])
	count(_deny([fixtures.stage("", "debian:12", [ins])])) == 0
	apk := fixtures.ins_flags("RUN", ["--mount=type=cache,target=/var/cache/apk"], ["apk add gcc musl-dev"])
	count(_deny([fixtures.stage("", "alpine:3.20", [apk])])) == 0
	dnf := fixtures.ins_flags("RUN", ["--mount=type=cache,dst=/var/cache/dnf"], ["dnf install -y gcc"])
	count(_deny([fixtures.stage("", "fedora:41", [dnf])])) == 0
}

test_deny_a_mount_on_the_wrong_directory if {
	ins := fixtures.ins_flags("RUN", ["--mount=type=cache,target=/var/cache/apt"], ["apt-get update && apt-get install -y --no-install-recommends gcc"])
	_msgs(_deny([fixtures.stage("", "debian:12", [ins])])) == {"RUN: apt-get install is not followed by rm -rf /var/lib/apt/lists/*"}
	bind := fixtures.ins_flags("RUN", ["--mount=type=bind,target=/var/lib/apt/lists"], ["apt-get install -y --no-install-recommends gcc"])
	count(_deny([fixtures.stage("", "debian:12", [bind])])) == 1
}

test_deny_apk_add_without_no_cache if {
	_msgs(_run("alpine:3.20", "apk update && apk add curl")) == {"RUN: apk add runs without --no-cache"}
	_msgs(_run("alpine:3.20", "apk --update add --virtual .build-deps gcc")) == {"RUN: apk add runs without --no-cache"}
}

test_allow_apk_add_no_cache_or_removed if {
	count(_run("alpine:3.20", "apk add --no-cache ca-certificates tzdata")) == 0
	count(_run("python:3.14.6-alpine", "apk update && apk add --no-cache g++ linux-headers && rm -rf /var/cache/apk/*")) == 0
	count(_run("alpine:3.20", "apk add --update curl && rm -rf /var/cache/apk/*")) == 0
	count(_run("alpine:3.20", "find /usr/local -type f | xargs -rt apk add --no-network --virtual .python-rundeps")) == 0
}

test_deny_yum_dnf_install_without_clean if {
	_msgs(_run("rockylinux:9", "dnf install -y --setopt=install_weak_deps=False python3")) == {"RUN: dnf install is not followed by dnf clean all"}
	_msgs(_run("centos:7", "yum -y install httpd && yum clean packages")) == {"RUN: yum install is not followed by yum clean all"}
	_msgs(_run("registry.access.redhat.com/ubi9/ubi-minimal:9.4", "microdnf install -y shadow-utils")) == {"RUN: microdnf install is not followed by microdnf clean all"}
	_msgs(_run("rockylinux:9", "dnf group install -y 'Development Tools'")) == {"RUN: dnf install is not followed by dnf clean all"}
}

test_allow_yum_dnf_install_cleaned if {
	count(_run("rockylinux:9", "dnf install -y python3 && dnf clean all")) == 0
	count(_run("centos:7", "yum -y install httpd && yum clean all && rm -rf /var/cache/yum")) == 0
	count(_run("rockylinux:9", "dnf install -y python3 && rm -rf /var/cache/{yum,dnf}")) == 0
	count(_run("registry.access.redhat.com/ubi9/ubi-minimal:9.4", "microdnf install -y shadow-utils && microdnf clean all")) == 0
}

test_deny_zypper_install_without_clean if {
	_msgs(_run("opensuse/leap:15.6", "zypper --non-interactive install --no-recommends curl")) == {"RUN: zypper install is not followed by zypper clean"}
}

test_allow_zypper_install_cleaned if {
	count(_run("opensuse/leap:15.6", "zypper -n in curl && zypper clean -a")) == 0
	count(_run("opensuse/leap:15.6", "zypper -n in curl && rm -rf /var/cache/zypp/*")) == 0
}

test_deny_in_a_heredoc if {
	ins := fixtures.heredoc("RUN", "set -eux\napt-get update\napt-get install -y \\\n  curl \\\n  git\n")
	count(_deny([fixtures.stage("", "debian:12", [ins])])) == 1
}

test_allow_in_a_heredoc if {
	ins := fixtures.heredoc("RUN", "apt-get update\napt-get install -y --no-install-recommends \\\n  curl\n# clean up\nrm -rf /var/lib/apt/lists/*\n")
	count(_deny([fixtures.stage("", "debian:12", [ins])])) == 0
}

test_allow_exec_form_through_sh_c if {
	ins := fixtures.ins_exec("RUN", ["/bin/sh", "-c", "apk add --no-cache curl"])
	count(_deny([fixtures.stage("", "alpine:3.20", [ins])])) == 0
}

test_deny_in_a_stage_the_final_image_is_built_on if {
	d := _deny([
		fixtures.stage("base", "debian:12", [fixtures.ins("RUN", ["apt-get update && apt-get install -y libpq5"])]),
		fixtures.stage_from("", "base", [fixtures.ins("COPY", ["app", "/app"])]),
	])
	{f.resource | some f in d} == {"stage.base"}
}

test_allow_a_build_stage_that_does_not_ship if {
	count(_deny([
		fixtures.stage("build", "golang:1.23-bookworm", [fixtures.ins("RUN", ["apt-get update && apt-get install -y git"])]),
		fixtures.stage("", "gcr.io/distroless/static-debian12:nonroot", [fixtures.ins("COPY", ["--from=build", "/out/app", "/app"])]),
	])) == 0
}

test_allow_sudo_package_name_and_other_commands if {
	count(_run("debian:12", "echo 'apt-get install curl' > /tmp/notes && pip install --no-cache-dir flask==3.0.3")) == 0
}

package tenet.docker.image.no_upgrade_test

import rego.v1

import data.tenet.docker.image.no_upgrade
import data.tenet.lib.fixtures

_deny(image, instructions) := d if {
	d := no_upgrade.deny with input as fixtures.dockerfile([fixtures.stage("", image, instructions)])
}

_msgs(image, cmd) := {f.msg | some f in _deny(image, [fixtures.ins("RUN", [cmd])])}

test_deny_apt_get_upgrade if {
	d := _deny("python:3.11-slim", [
		fixtures.ins("ENV", ["RUN_IN_DOCKER", "True", "="]),
		fixtures.ins("RUN", ["set -eux; \tapt-get update; \tapt-get -y upgrade; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tgit \t; \trm -rf /var/lib/apt/lists/*"]),
	])
	d == {{"msg": "RUN upgrades every installed package: apt-get -y upgrade", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_apt_variants if {
	_msgs("ubuntu:24.04", "apt update && apt full-upgrade -y") == {"RUN upgrades every installed package: apt full-upgrade -y"}
	_msgs("debian:12", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confnew dist-upgrade -y") == {"RUN upgrades every installed package: apt-get -o Dpkg::Options::=--force-confnew dist-upgrade -y"}
}

test_deny_yum_dnf_update_without_packages if {
	_msgs("centos:7", "yum -y update && yum clean all") == {"RUN upgrades every installed package: yum -y update"}
	_msgs("rockylinux:9", "dnf upgrade -y --refresh && dnf clean all") == {"RUN upgrades every installed package: dnf upgrade -y --refresh"}
	_msgs("registry.access.redhat.com/ubi9/ubi-minimal:9.4", "microdnf update -y --nodocs && microdnf clean all") == {"RUN upgrades every installed package: microdnf update -y --nodocs"}
}

test_deny_apk_and_zypper if {
	_msgs("alpine:3.20", "apk update && apk upgrade --no-cache") == {"RUN upgrades every installed package: apk upgrade --no-cache"}
	_msgs("alpine:3.20", "apk --no-cache upgrade") == {"RUN upgrades every installed package: apk --no-cache upgrade"}
	_msgs("opensuse/leap:15.6", "zypper --non-interactive up && zypper clean -a") == {"RUN upgrades every installed package: zypper --non-interactive up"}
	_msgs("opensuse/tumbleweed", "zypper -n dup") == {"RUN upgrades every installed package: zypper -n dup"}
}

test_deny_in_a_heredoc_under_sudo if {
	d := _deny("ubuntu:24.04", [fixtures.heredoc("RUN", "sudo apt-get update\nsudo apt-get \\\n  upgrade -y\n")])
	{f.msg | some f in d} == {"RUN upgrades every installed package: apt-get upgrade -y"}
}

test_allow_update_and_install if {
	count(_msgs("debian:12", "apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*")) == 0
	count(_msgs("alpine:3.20", "apk update && apk add --no-cache --upgrade libssl3")) == 0
	count(_msgs("debian:12", "apt-get update && apt-get install -y --only-upgrade openssl")) == 0
}

test_allow_named_package_upgrades if {
	count(_msgs("centos:7", "yum -y update openssl && yum clean all")) == 0
	count(_msgs("rockylinux:9", "dnf upgrade -y --setopt=install_weak_deps=False glibc")) == 0
	count(_msgs("alpine:3.20", "apk upgrade --no-cache libcrypto3 libssl3")) == 0
	count(_msgs("opensuse/leap:15.6", "zypper -n up curl")) == 0
}

test_allow_other_upgrades if {
	count(_msgs("python:3.12-slim", "pip install --no-cache-dir --upgrade pip==24.2")) == 0
	count(_msgs("node:22", "npm update --no-save")) == 0
	count(_msgs("debian:12", "echo 'apt-get upgrade is not run here'")) == 0
}

package tenet.docker.image.update_alone_test

import rego.v1

import data.tenet.docker.image.update_alone
import data.tenet.lib.fixtures

_deny(instructions) := d if {
	d := update_alone.deny with input as fixtures.dockerfile([fixtures.stage("", "debian:12-slim", instructions)])
}

test_allow_update_and_install_chained if {
	count(_deny([fixtures.ins("RUN", ["apt-get update &&     apt-get install -y --no-install-recommends curl ca-certificates &&     rm -rf /var/lib/apt/lists/*"])])) == 0
}

test_allow_set_eux_with_semicolons if {
	count(_deny([fixtures.ins("RUN", ["set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t; \trm -rf /var/lib/apt/lists/*"])])) == 0
}

test_allow_options_before_the_subcommand if {
	count(_deny([fixtures.ins("RUN", ["apt-get -o Acquire::Retries=3 -qq update && DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -y install git"])])) == 0
}

test_allow_apt_and_apt_get_share_the_index if {
	count(_deny([fixtures.ins("RUN", ["apt update && apt-get install -y git"])])) == 0
}

test_allow_update_then_upgrade if {
	count(_deny([fixtures.ins("RUN", ["apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*"])])) == 0
}

test_allow_other_managers if {
	count(_deny([
		fixtures.ins("RUN", ["apk update && apk add --no-cache g++ linux-headers && rm -rf /var/cache/apk/*"]),
		fixtures.ins("RUN", ["apk add --update --no-cache curl"]),
		fixtures.ins("RUN", ["dnf makecache && dnf install -y httpd && dnf clean all"]),
		fixtures.ins("RUN", ["zypper --non-interactive refresh && zypper --non-interactive install -y curl"]),
		fixtures.ins("RUN", ["microdnf -y makecache && microdnf -y install shadow-utils && microdnf clean all"]),
	])) == 0
}

test_allow_heredoc_script if {
	count(_deny([fixtures.heredoc("RUN", "set -e\napt-get update\napt-get install -y --no-install-recommends nginx\nrm -rf /var/lib/apt/lists/*\n")])) == 0
}

test_allow_exec_form_through_a_shell if {
	count(_deny([fixtures.ins_exec("RUN", ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"])])) == 0
}

test_deny_update_alone_at_its_line if {
	d := _deny([fixtures.ins("RUN", ["apt-get update"]), fixtures.ins("RUN", ["apt-get install -y curl"])])
	d == {{"msg": "RUN runs apt-get update and installs nothing with apt-get after it in the same RUN: the index is cached in its own layer and goes stale", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_exec_form if {
	count(_deny([fixtures.ins_exec("RUN", ["apt-get", "update"])])) == 1
}

test_deny_update_after_the_install if {
	d := _deny([fixtures.ins("RUN", ["apt install first_update_line && apt update first_update_line"])])
	count(d) == 1
}

test_deny_install_of_another_manager if {
	count(_deny([fixtures.ins("RUN", ["apt-get update && pip install --no-cache-dir requests"])])) == 1
}

test_deny_heredoc_script if {
	d := _deny([fixtures.heredoc("RUN", "echo \"Hello\"\nmkdir -p /hello/world\napt update\n")])
	some f in d
	f.attribute == "instructions.0"
	contains(f.msg, "apt update")
}

test_deny_other_managers if {
	d := _deny([
		fixtures.ins("RUN", ["apk update"]),
		fixtures.ins("RUN", ["yum -y makecache"]),
		fixtures.ins("RUN", ["dnf check-update || true"]),
		fixtures.ins("RUN", ["zypper --gpg-auto-import-keys ref"]),
	])
	{f.attribute | some f in d} == {"instructions.0", "instructions.1", "instructions.2", "instructions.3"}
}

test_deny_in_a_build_stage if {
	d := update_alone.deny with input as fixtures.dockerfile([
		fixtures.stage("base", "ubuntu:24.04", [fixtures.ins("RUN", ["apt-get update"])]),
		fixtures.stage_from("", "base", [fixtures.ins("RUN", ["apt-get install -y --no-install-recommends python3"])]),
	])
	{f.resource | some f in d} == {"stage.base"}
}

test_allow_yum_update_is_an_upgrade_not_an_index_refresh if {
	count(_deny([fixtures.ins("RUN", ["yum -y update && yum clean all"])])) == 0
}

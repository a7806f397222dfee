package tenet.docker.image.no_sudo_test

import rego.v1

import data.tenet.docker.image.no_sudo
import data.tenet.lib.fixtures

_deny(instructions) := d if {
	d := no_sudo.deny with input as fixtures.dockerfile([fixtures.stage("", "ubuntu:24.04", instructions)])
}

test_deny_sudo_in_a_chain if {
	d := _deny([
		fixtures.ins("USER", ["app"]),
		fixtures.ins("RUN", ["sudo apt-get update && sudo apt-get install -y --no-install-recommends curl"]),
	])
	d == {{"msg": "RUN uses sudo: sudo apt-get update", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_sudo_with_options_and_env if {
	count(_deny([fixtures.ins("RUN", ["DEBIAN_FRONTEND=noninteractive sudo -E -u root apt-get install -y git"])])) == 1
	{f.msg | some f in _deny([fixtures.ins("RUN", ["if [ -f /etc/debian_version ]; then /usr/bin/sudo make install; fi"])])} == {"RUN uses sudo: /usr/bin/sudo make install"}
	count(_deny([fixtures.ins("RUN", ["find /opt/app -name '*.sh' | xargs -r sudo chmod 0755"])])) == 1
}

test_deny_sudo_in_exec_form if {
	d := _deny([fixtures.ins_exec("RUN", ["sudo", "pip3", "install", "ansible-core==2.17.4"])])
	some f in d
	f.msg == "RUN uses sudo: sudo pip3 install ansible-core==2.17.4"
}

test_deny_sudo_in_a_heredoc_continued if {
	d := _deny([fixtures.heredoc("RUN", "set -eux\napt-get update\nsudo \\\n  apt-get install -y nginx\n")])
	d == {{"msg": "RUN uses sudo: sudo apt-get install -y nginx", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_sudo_in_a_build_stage if {
	d := no_sudo.deny with input as fixtures.dockerfile([
		fixtures.stage("build", "node:22-bookworm", [fixtures.ins("RUN", ["sudo npm ci"])]),
		fixtures.stage("", "gcr.io/distroless/nodejs22-debian12", [fixtures.ins("USER", ["nonroot"])]),
	])
	{f.resource | some f in d} == {"stage.build"}
}

test_allow_installing_the_sudo_package if {
	count(_deny([
		fixtures.ins("RUN", ["apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*"]),
		fixtures.ins("RUN", ["echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app"]),
		fixtures.ins("RUN", ["visudo -c && which sudo"]),
	])) == 0
}

test_allow_user_switches if {
	count(_deny([
		fixtures.ins("USER", ["root"]),
		fixtures.ins("RUN", ["apt-get update && apt-get install -y --no-install-recommends curl"]),
		fixtures.ins("USER", ["app"]),
		fixtures.ins("CMD", ["sudo -n true"]),
	])) == 0
}

test_allow_sudo_in_a_comment_or_a_file_written if {
	count(_deny([
		fixtures.heredoc("RUN", "# no sudo here: sudo apt-get install\napt-get install -y curl\n"),
		object.union(fixtures.ins("RUN", ["cat <<EOF > /usr/local/bin/admin"]), {"heredocs": [{"name": "EOF", "content": "#!/bin/sh\nsudo systemctl restart app\n"}]}),
	])) == 0
}

test_deny_sudo_in_a_heredoc_with_a_shell_shebang if {
	count(_deny([fixtures.heredoc("RUN", "#!/usr/bin/env bash\nset -euo pipefail\nsudo chown -R app /srv\n")])) == 1
}

test_allow_sudo_in_a_heredoc_with_a_python_shebang if {
	count(_deny([fixtures.heredoc("RUN", "#!/usr/bin/env python3\nimport shutil\nsudo = shutil.which('sudo')\n")])) == 0
}

test_allow_sudo_in_a_python_heredoc if {
	ins := object.union(fixtures.ins("RUN", ["python3 <<EOF"]), {"heredocs": [{"name": "EOF", "content": "import subprocess\nsubprocess.run(['echo', 'sudo is not used'])\n"}]})
	count(_deny([ins])) == 0
}

package tenet.docker.image.curl_pipe_shell_test

import rego.v1

import data.tenet.docker.image.curl_pipe_shell
import data.tenet.lib.fixtures

_deny(instructions) := d if {
	d := curl_pipe_shell.deny with input as fixtures.dockerfile([fixtures.stage("", "debian:12-slim", instructions)])
}

_msgs(cmd) := {f.msg | some f in _deny([fixtures.ins("RUN", [cmd])])}

test_deny_curl_piped_into_sh if {
	d := _deny([fixtures.ins("WORKDIR", ["/app"]), fixtures.ins("RUN", ["curl -fsSL https://get.docker.com | sh"])])
	d == {{"msg": "RUN pipes curl into sh", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_common_installers if {
	_msgs("curl -fsSL https://deb.nodesource.com/setup_20.x | bash -") == {"RUN pipes curl into bash"}
	_msgs("curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal") == {"RUN pipes curl into sh"}
	_msgs("curl -sSL https://get.rvm.io | bash -s stable") == {"RUN pipes curl into bash"}
	_msgs("wget -qO- https://astral.sh/uv/install.sh | sudo -E sh") == {"RUN pipes wget into sh"}
	_msgs("curl -sSL https://install.python-poetry.org | python3 -") == {"RUN pipes curl into python3"}
	_msgs("curl -fsSL https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh | tee /tmp/nvm.sh | bash") == {"RUN pipes curl into bash"}
	_msgs("curl -fsSL https://example.com/setup.sh | /bin/bash /dev/stdin --prefix /opt") == {"RUN pipes curl into bash"}
	_msgs("curl -fsSL https://example.com/i.pl | perl") == {"RUN pipes curl into perl"}
}

test_deny_substitutions if {
	_msgs(`bash <(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)`) == {"RUN runs the output of curl with bash"}
	_msgs(`sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)" "" --unattended`) == {"RUN runs the output of curl with sh"}
	_msgs(`eval "$(wget -qO- https://example.com/env.sh)"`) == {"RUN runs the output of wget with eval"}
}

test_deny_continued_lines_heredoc_and_exec_form if {
	count(_deny([fixtures.ins("RUN", ["apt-get update && curl -fsSL https://get.docker.com     | sh && rm -rf /var/lib/apt/lists/*"])])) == 1
	count(_deny([fixtures.heredoc("RUN", "set -e\ncurl -fsSL https://get.docker.com \\\n  | sh\n")])) == 1
	count(_deny([fixtures.ins_exec("RUN", ["/bin/bash", "-o", "pipefail", "-c", "curl -fsSL https://get.docker.com | bash"])])) == 1
	count(_deny([fixtures.ins_exec("RUN", ["bash", "-c", "curl -fsSL https://get.docker.com | bash"])])) == 1
}

test_deny_in_any_stage if {
	d := curl_pipe_shell.deny with input as fixtures.dockerfile([
		fixtures.stage("build", "rust:1.82", [fixtures.ins("RUN", ["curl -L --proto '=https' --tlsv1.2 -sSf https://raw.githubusercontent.com/cargo-bins/cargo-binstall/main/install-from-binstall-release.sh | bash"])]),
		fixtures.stage("", "debian:12-slim", [fixtures.ins("COPY", ["--from=build", "/usr/local/cargo/bin/app", "/app"])]),
	])
	{f.resource | some f in d} == {"stage.build"}
}

test_allow_download_verify_run if {
	count(_deny([fixtures.ins("RUN", [`curl -fsSLo /tmp/get-docker.sh https://get.docker.com && echo "3f9a7c0c5b4a1b2e8d1c0e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b  /tmp/get-docker.sh" | sha256sum -c - && sh /tmp/get-docker.sh && rm /tmp/get-docker.sh`])])) == 0
}

test_allow_downloads_piped_into_other_tools if {
	count(_deny([
		fixtures.ins("RUN", ["curl -fsSL https://download.docker.com/linux/debian/gpg | gpg --dearmor -o /etc/apt/keyrings/docker.gpg"]),
		fixtures.ins("RUN", ["wget -qO- https://github.com/helm/helm/releases/download/v3.16.2/helm-v3.16.2-linux-amd64.tar.gz | tar -xz -C /tmp"]),
		fixtures.ins("RUN", ["curl -fsSL https://packages.cloud.google.com/apt/doc/apt-key.gpg | sudo tee /usr/share/keyrings/cloud.google.asc > /dev/null"]),
	])) == 0
}

test_allow_downloads_read_as_data_by_an_interpreter if {
	count(_deny([
		fixtures.ins("RUN", [`curl -s https://api.github.com/repos/cli/cli/releases/latest | python3 -c "import sys, json; print(json.load(sys.stdin)['tag_name'])" > /tmp/version`]),
		fixtures.ins("RUN", [`curl -s https://example.com/versions.txt | perl -ne 'print if /stable/'`]),
		fixtures.ins("RUN", [`curl -fsSL https://example.com/data.csv | bash /opt/import.sh`]),
		fixtures.ins("RUN", [`curl -fsSL https://example.com/list | xargs -n1 echo`]),
	])) == 0
}

test_allow_other_substitutions if {
	count(_deny([
		fixtures.ins("RUN", [`VERSION="$(curl -fsSL https://dl.k8s.io/release/stable.txt)" && curl -fsSLO "https://dl.k8s.io/release/${VERSION}/bin/linux/amd64/kubectl"`]),
		fixtures.ins("RUN", [`bash -c "echo building"`]),
	])) == 0
}

test_allow_a_comment_in_a_heredoc if {
	count(_deny([fixtures.heredoc("RUN", "# never: curl -fsSL https://get.docker.com | sh\napt-get update\n")])) == 0
}

package tenet.docker.image.pinned_packages_test

import rego.v1

import data.tenet.docker.image.pinned_packages
import data.tenet.lib.fixtures

_deny(image, instructions) := d if {
	d := pinned_packages.deny with input as fixtures.dockerfile([fixtures.stage("", image, instructions)])
}

_msgs(image, cmd) := {f.msg | some f in _deny(image, [fixtures.ins("RUN", [cmd])])}

test_deny_apt_get_install_unpinned if {
	d := _deny("debian:12-slim", [
		fixtures.ins("WORKDIR", ["/app"]),
		fixtures.ins("RUN", ["apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git && rm -rf /var/lib/apt/lists/*"]),
	])
	d == {{"msg": "RUN installs packages without a pinned version: git", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_names_a_few_then_counts if {
	_msgs("debian:bookworm-slim", "set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*") == {"RUN installs packages without a pinned version: ca-certificates, netbase, tzdata"}
	_msgs("debian:12", "apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev libssl-dev pkg-config zlib1g-dev && rm -rf /var/lib/apt/lists/*") == {"RUN installs packages without a pinned version: gcc, make, libc6-dev and 3 more"}
}

test_deny_apt_options_and_release_are_not_versions if {
	_msgs("debian:12", "apt-get -o Dpkg::Options::=--force-confold -t bookworm-backports install -y --no-install-recommends golang-go") == {"RUN installs packages without a pinned version: golang-go"}
	_msgs("debian:12", "apt-get install -y --no-install-recommends golang-go/bookworm-backports") == {"RUN installs packages without a pinned version: golang-go/bookworm-backports"}
}

test_allow_apt_pinned_variables_and_local_files if {
	count(_msgs("ubuntu:24.04", "apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 ca-certificates=20240203 && rm -rf /var/lib/apt/lists/*")) == 0
	count(_msgs("ubuntu:24.04", "apt-get install -y --no-install-recommends $BUILD_DEPS ${RUNTIME_DEPS} python3=${PYTHON_VERSION}")) == 0
	count(_msgs("ubuntu:24.04", "apt-get install -y ./google-chrome-stable_current_amd64.deb")) == 0
	count(_msgs("ubuntu:24.04", "apt-get install -y --no-install-recommends $(cat /tmp/packages.txt)")) == 0
}

test_deny_apk_add_unpinned if {
	_msgs("alpine:3.20", "apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev") == {"RUN installs packages without a pinned version: musl-dev"}
}

test_allow_apk_add_pinned if {
	count(_msgs("alpine:3.20", "apk add --no-cache curl=8.9.1-r2 tzdata~2024 so:libc.musl-x86_64.so.1")) == 0
	count(_msgs("alpine:3.20", "apk add --no-network --virtual .python-rundeps")) == 0
}

test_deny_pip_install_unpinned if {
	_msgs("python:3.12-slim", "pip install --no-cache-dir -U checkov") == {"RUN installs packages without a pinned version: checkov"}
	_msgs("python:3.12-slim", "python3 -m pip install --upgrade pip setuptools==75.1.0 wheel") == {"RUN installs packages without a pinned version: pip, wheel"}
	_msgs("python:3.12-slim", `pip3 install "requests[socks]" 'gunicorn<23'`) == {"RUN installs packages without a pinned version: requests[socks], gunicorn<23"}
	_msgs("python:3.12-slim", "pip install -r requirements.txt gunicorn") == {"RUN installs packages without a pinned version: gunicorn"}
}

test_allow_pip_pinned_files_and_constraints if {
	count(_msgs("python:3.11-slim", "pip install setuptools==78.1.1 urllib3==2.2.2")) == 0
	count(_msgs("python:3.12-slim", `pip install --no-cache-dir "flask~=3.0" "uvicorn[standard]>=0.30"`)) == 0
	count(_msgs("python:3.12-slim", `pip install --prefix="/install" -r requirements.txt`)) == 0
	count(_msgs("python:3.12-slim", "pip install --no-cache-dir -c constraints.txt flask gunicorn")) == 0
	count(_msgs("python:3.12-slim", "pip install --no-deps /tmp/wheels/app-1.0-py3-none-any.whl . -e ./lib")) == 0
	count(_msgs("python:3.12-slim", "pip install mylib @ git+https://github.com/example/mylib@v1.2.0")) == 0
}

test_deny_npm_global_unpinned if {
	_msgs("node:22-alpine", "npm install -g yarn @angular/cli@18.2.8 pnpm@latest") == {"RUN installs packages without a pinned version: yarn, pnpm@latest"}
	_msgs("node:22-alpine", "npm i --location=global typescript") == {"RUN installs packages without a pinned version: typescript"}
}

test_allow_npm_pinned_or_local_project if {
	count(_msgs("node:22-alpine", "npm install -g yarn@1.22.22 @angular/cli@18.2.8 npm@^10.8.0")) == 0
	count(_msgs("node:22-alpine", "npm ci --omit=dev && npm install express")) == 0
}

test_deny_gem_install_unpinned if {
	_msgs("ruby:3.3", "gem install --no-document bundler rake:13.2.1") == {"RUN installs packages without a pinned version: bundler"}
}

test_allow_gem_install_pinned if {
	count(_msgs("ruby:3.3", "gem install bundler -v 2.5.22 --no-document")) == 0
	count(_msgs("ruby:3.3", "gem install --version=2.5.22 bundler")) == 0
}

test_deny_yum_dnf_install_unpinned if {
	_msgs("rockylinux:9", "dnf install -y --setopt=install_weak_deps=False nginx-1.24.0 java-17-openjdk-headless && dnf clean all") == {"RUN installs packages without a pinned version: java-17-openjdk-headless"}
	_msgs("centos:7", "yum -y --enablerepo extras install epel-release && yum clean all") == {"RUN installs packages without a pinned version: epel-release"}
}

test_allow_yum_dnf_pinned_groups_and_files if {
	count(_msgs("rockylinux:9", "dnf install -y httpd-2.4.62-1.el9.x86_64 openssl-1:3.0.7-27.el9 @development-tools 'dnf-command(config-manager)' && dnf clean all")) == 0
	count(_msgs("rockylinux:9", "dnf install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm && dnf clean all")) == 0
}

test_deny_in_heredoc_and_exec_form if {
	count(_deny("debian:12", [fixtures.heredoc("RUN", "apt-get update\napt-get install -y --no-install-recommends \\\n  curl \\\n  git=1:2.39.5-0+deb12u1\n")])) == 1
	count(_deny("python:3.12-slim", [fixtures.ins_exec("RUN", ["pip", "install", "--no-cache-dir", "flask"])])) == 1
}

test_deny_one_finding_per_run_across_tools if {
	d := _deny("python:3.12-slim", [fixtures.ins("RUN", ["apt-get update && apt-get install -y --no-install-recommends git && pip install --no-cache-dir poetry && pip install poetry-plugin-export"])])
	{f.msg | some f in d} == {"RUN installs packages without a pinned version: git, poetry, poetry-plugin-export"}
}

test_allow_commands_that_install_nothing if {
	count(_msgs("python:3.12-slim", "pip download flask && pip list && apt-get update && apt-get remove -y curl && echo 'apt-get install curl'")) == 0
}

package tenet.docker.image.tls_verification_test

import rego.v1

import data.tenet.docker.image.tls_verification
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := tls_verification.deny with input as fixtures.dockerfile(stages)
}

_runs(cmds) := [fixtures.stage("", "debian:12-slim", [fixtures.ins("RUN", [c]) | some c in cmds])]

_msgs(d) := {f.msg | some f in d}

test_allow_verified_downloads if {
	count(_deny(_runs([
		"curl -fsSL --retry 5 -o get_helm.sh https://raw.githubusercontent.com/helm/helm/main/scripts/get-helm-3",
		"curl -fL -sSo kustomize.sh https://example.com/install.sh && sha256sum -c kustomize.sh.sha256",
		"curl --cacert /etc/ssl/certs/corp-ca.pem -O https://artifacts.corp.example/tool.tar.gz",
		"curl -K /etc/curlrc https://example.com -o k",
		"wget -O python.tar.xz https://www.python.org/ftp/python/3.12.4/Python-3.12.4.tar.xz",
		"pip install --no-cache-dir --index-url https://pypi.corp.example/simple -r requirements.txt",
		"npm config set cafile /etc/ssl/certs/corp-ca.pem && npm config set strict-ssl true && npm ci",
		"git config --global http.sslCAInfo /etc/ssl/certs/corp-ca.pem && git clone https://github.com/org/repo.git",
		"git config --global http.sslVerify true",
		"apt-get update && apt-get install -y --no-install-recommends ca-certificates curl",
	]))) == 0
	count(_deny([fixtures.stage("", "node:22-slim", [
		fixtures.ins("ENV", ["NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp.crt"]),
		fixtures.ins("ENV", ["NODE_TLS_REJECT_UNAUTHORIZED=1"]),
		fixtures.ins("ARG", ["PIP_TRUSTED_HOST"]),
		fixtures.ins("ENV", ["REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt", "CURL_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt"]),
	])])) == 0
}

test_deny_curl_insecure if {
	d := _deny(_runs(["curl -fsSLk https://get.example.com/install.sh -o /tmp/install.sh && sh /tmp/install.sh"]))
	d == {{"msg": "RUN curl -fsSLk skips certificate verification", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_curl_and_wget_variants if {
	d := _deny(_runs([
		"curl --insecure -o app.tgz https://downloads.example.com/app.tgz",
		"curl -k https://example.com/key.asc | gpg --import",
		"VERSION=$(curl -sk https://api.example.com/latest) && echo $VERSION",
		"wget -q --no-check-certificate https://example.com/tool -O /usr/local/bin/tool",
		"curl --proxy-insecure -x https://proxy:3128 -O https://example.com/a",
	]))
	{f.attribute | some f in d} == {"instructions.0", "instructions.1", "instructions.2", "instructions.3", "instructions.4"}
	"RUN wget --no-check-certificate skips certificate verification" in _msgs(d)
}

test_deny_package_managers if {
	d := _deny(_runs([
		"pip install --trusted-host pypi.org --trusted-host files.pythonhosted.org -r requirements.txt",
		"pip3 install --trusted-host=pypi.corp.example flask",
		"pip config set global.trusted-host pypi.corp.example",
		"uv pip install --system --allow-insecure-host pypi.corp.example -r requirements.txt",
		"npm config set strict-ssl false && npm ci",
		"yarn config set strict-ssl false",
		"npm install --no-strict-ssl",
		"yarn config set enableStrictSsl false",
	]))
	{f.attribute | some f in d} == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 7)}
	msgs := _msgs(d)
	"RUN --trusted-host pypi.org: pip trusts the host without verifying its certificate" in msgs
	"RUN --trusted-host pypi.corp.example: pip trusts the host without verifying its certificate" in msgs
}

test_deny_git_settings if {
	d := _deny(_runs([
		"git -c http.sslVerify=false clone https://git.corp.example/app.git",
		`git config --global http.sslverify "false"`,
		"GIT_SSL_NO_VERIFY=true git clone https://git.corp.example/lib.git",
		"export GIT_SSL_NO_VERIFY=1; git submodule update --init",
	]))
	d == {
		{"msg": "RUN sslVerify false: git (or yum and dnf) skips certificate verification", "resource": "stage.0", "attribute": "instructions.0"},
		{"msg": "RUN sslVerify false: git (or yum and dnf) skips certificate verification", "resource": "stage.0", "attribute": "instructions.1"},
		{"msg": "RUN sets GIT_SSL_NO_VERIFY=true: git skips certificate verification (any value)", "resource": "stage.0", "attribute": "instructions.2"},
		{"msg": "RUN sets GIT_SSL_NO_VERIFY=1: git skips certificate verification (any value)", "resource": "stage.0", "attribute": "instructions.3"},
	}
}

test_deny_env_and_arg if {
	d := _deny([fixtures.stage("", "node:22-slim", [
		fixtures.ins("ENV", ["NODE_TLS_REJECT_UNAUTHORIZED=\"0\""]),
		fixtures.ins("ENV", ["GIT_SSL_NO_VERIFY=true", "PYTHONHTTPSVERIFY=0"]),
		fixtures.ins("ARG", [`CURL_CA_BUNDLE=""`]),
		fixtures.ins("ARG", [`PIP_TRUSTED_HOST="pypi.org files.pythonhosted.org"`]),
		fixtures.ins("ENV", ["npm_config_strict_ssl=false"]),
	])])
	d == {
		{"msg": "ENV sets NODE_TLS_REJECT_UNAUTHORIZED=0: Node.js skips certificate verification", "resource": "stage.0", "attribute": "instructions.0"},
		{"msg": "ENV sets GIT_SSL_NO_VERIFY=true: git skips certificate verification (any value)", "resource": "stage.0", "attribute": "instructions.1"},
		{"msg": "ENV sets PYTHONHTTPSVERIFY=0: Python builds that honour PEP 493 skip certificate verification", "resource": "stage.0", "attribute": "instructions.1"},
		{"msg": "ARG sets CURL_CA_BUNDLE=: Python requests before 2.28 skips certificate verification", "resource": "stage.0", "attribute": "instructions.2"},
		{"msg": "ARG sets PIP_TRUSTED_HOST=pypi.org files.pythonhosted.org: pip trusts the hosts without verifying their certificates", "resource": "stage.0", "attribute": "instructions.3"},
		{"msg": "ENV sets npm_config_strict_ssl=false: npm skips certificate verification", "resource": "stage.0", "attribute": "instructions.4"},
	}
}

test_deny_configuration_files_written if {
	d := _deny([fixtures.stage("", "python:3.12-slim", [
		fixtures.ins("RUN", [`printf '[global]\ntrusted-host = pypi.corp.example\n' > /etc/pip.conf`]),
		fixtures.ins("RUN", [`echo "strict-ssl=false" >> /root/.npmrc`]),
		fixtures.ins("RUN", [`echo "check_certificate = off" >> /etc/wgetrc`]),
		fixtures.ins("RUN", ["conda config --set ssl_verify false"]),
		fixtures.heredoc("RUN", "set -e\ncat > /etc/yum.repos.d/corp.repo <<REPO\n[corp]\nbaseurl=https://repo.corp.example/el9\nsslverify=0\nREPO\n"),
		object.union(fixtures.heredoc("COPY", "registry=https://npm.corp.example/\nstrict-ssl=false\n"), {"args": ["<<EOF", "/root/.npmrc"]}),
	])])
	{f.attribute | some f in d} == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 5)}
	"COPY writes strict-ssl false: npm, yarn and pnpm skip certificate verification" in _msgs(d)
}

test_deny_in_a_build_stage if {
	d := _deny([
		fixtures.stage("deps", "golang:1.23", [fixtures.ins("RUN", ["GOINSECURE=* GIT_SSL_NO_VERIFY=1 go mod download"])]),
		fixtures.stage("", "gcr.io/distroless/static:nonroot", [fixtures.ins_flags("COPY", ["--from=deps"], ["/go/bin/app", "/app"])]),
	])
	{f.resource | some f in d} == {"stage.deps"}
}

test_deny_windows_downloads if {
	d := _deny([fixtures.stage("", "mcr.microsoft.com/windows/servercore:ltsc2022", [
		fixtures.ins("RUN", ["curl.exe -k -o app.zip https://downloads.example.com/app.zip"]),
		fixtures.ins("RUN", ["Invoke-WebRequest -Uri https://downloads.example.com/app.zip -OutFile app.zip -SkipCertificateCheck"]),
		fixtures.ins("RUN", ["[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}; Invoke-WebRequest -Uri $url -OutFile app.zip"]),
	])])
	d == {
		{"msg": "RUN curl -k skips certificate verification", "resource": "stage.0", "attribute": "instructions.0"},
		{"msg": "RUN Invoke-WebRequest -SkipCertificateCheck skips certificate verification", "resource": "stage.0", "attribute": "instructions.1"},
		{"msg": "RUN ServerCertificateValidationCallback = {$true}: .NET and PowerShell accept any certificate", "resource": "stage.0", "attribute": "instructions.2"},
	}
}

test_allow_windows_tls12 if {
	count(_deny([fixtures.stage("", "mcr.microsoft.com/windows/servercore:ltsc2022", [fixtures.ins("RUN", ["[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; Invoke-WebRequest -Uri $url -OutFile 'python.exe'"])])])) == 0
}

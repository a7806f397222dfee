package tenet.docker.image.package_signatures_test

import rego.v1

import data.tenet.docker.image.package_signatures
import data.tenet.lib.fixtures

_deny(stages) := d if {
	d := package_signatures.deny with input as fixtures.dockerfile(stages)
}

_runs(cmds) := [fixtures.stage("", "debian:12-slim", [fixtures.ins("RUN", [c]) | some c in cmds])]

_attrs(d) := {f.attribute | some f in d}

test_allow_signed_repositories if {
	count(_deny(_runs([
		"apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg && rm -rf /var/lib/apt/lists/*",
		"curl -fsSL https://download.docker.com/linux/debian/gpg -o /etc/apt/keyrings/docker.asc",
		`echo "deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/debian bookworm stable" > /etc/apt/sources.list.d/docker.list`,
		"dnf install -y --setopt=install_weak_deps=False nginx && dnf clean all",
		`printf '[corp]\nbaseurl=https://repo.corp.example/el9\ngpgcheck=1\nrepo_gpgcheck=0\ngpgkey=https://repo.corp.example/RPM-GPG-KEY\n' > /etc/yum.repos.d/corp.repo`,
		"apk add --no-cache ca-certificates",
		"rpm --import https://repo.corp.example/RPM-GPG-KEY && rpm -K app.rpm && rpm -i app.rpm",
		"pip install --require-hashes -r requirements.txt",
	]))) == 0
}

test_deny_apt_allow_unauthenticated if {
	d := _deny(_runs(["apt-get update &&     apt-get install -y --allow-unauthenticated \t\tcorp-agent"]))
	d == {{"msg": "RUN apt-get --allow-unauthenticated installs packages apt cannot authenticate", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_apt_options_and_sources if {
	d := _deny(_runs([
		"apt-get update --allow-insecure-repositories",
		"apt-get -o Acquire::AllowInsecureRepositories=true update",
		`echo 'APT::Get::AllowUnauthenticated "true";' > /etc/apt/apt.conf.d/99unauth`,
		"echo 'deb [trusted=yes] http://repo.corp.example/debian bookworm main' > /etc/apt/sources.list.d/corp.list",
		"apt-get install -y --force-yes corp-agent",
		"apt install --option APT::Get::AllowUnauthenticated=1 corp-agent",
	]))
	_attrs(d) == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 5)}
	msgs := {f.msg | some f in d}
	"RUN Acquire::AllowInsecureRepositories true: apt accepts unsigned repositories or packages" in msgs
	"RUN an apt source with [trusted=yes]: apt uses the repository without checking its signature" in msgs
}

test_deny_rpm_family if {
	d := _deny([fixtures.stage("", "rockylinux:9", [
		fixtures.ins("RUN", ["dnf install -y --nogpgcheck https://example.com/tool.rpm && dnf clean all"]),
		fixtures.ins("RUN", ["yum --setopt=*.gpgcheck=0 install -y corp-agent"]),
		fixtures.heredoc("RUN", "cat > /etc/yum.repos.d/corp.repo <<REPO\n[corp]\nbaseurl=https://repo.corp.example/el9\ngpgcheck=0\nREPO\n"),
		fixtures.ins("RUN", ["rpm -ivh --nosignature --nodigest corp-agent.rpm"]),
		fixtures.ins("RUN", ["zypper --non-interactive --no-gpg-checks install corp-agent"]),
	])])
	_attrs(d) == {sprintf("instructions.%d", [i]) | some i in numbers.range(0, 4)}
	count([f | some f in d; f.attribute == "instructions.3"]) == 2
}

test_deny_apk_allow_untrusted_exec_form if {
	d := _deny([fixtures.stage("", "alpine:3.20", [fixtures.ins_exec("RUN", ["apk", "add", "--allow-untrusted", "/tmp/corp-agent.apk"])])])
	d == {{"msg": "RUN apk --allow-untrusted installs packages signed by unknown keys, or not signed", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_repository_files_written_by_copy if {
	d := _deny([fixtures.stage("", "debian:12", [
		object.union(fixtures.heredoc("COPY", "Types: deb\nURIs: http://repo.corp.example/debian\nSuites: bookworm\nComponents: main\nTrusted: yes\n"), {"args": ["<<EOF", "/etc/apt/sources.list.d/corp.sources"]}),
		object.union(fixtures.heredoc("COPY", "[corp]\nbaseurl=https://repo.corp.example/el9\ngpgcheck=false\n"), {"args": ["<<EOF", "/etc/yum.repos.d/corp.repo"]}),
	])])
	d == {
		{"msg": "COPY writes an apt source with Trusted: yes: apt uses the repository without checking its signature", "resource": "stage.0", "attribute": "instructions.0"},
		{"msg": "COPY writes gpgcheck=0: the repository's packages are installed without checking their signatures", "resource": "stage.0", "attribute": "instructions.1"},
	}
}

test_deny_in_a_build_stage if {
	d := _deny([
		fixtures.stage("build", "debian:12", [fixtures.ins("RUN", ["apt-get update && apt-get install -y --allow-unauthenticated build-essential"])]),
		fixtures.stage("", "debian:12-slim", [fixtures.ins_flags("COPY", ["--from=build"], ["/out/app", "/app"])]),
	])
	{f.resource | some f in d} == {"stage.build"}
}

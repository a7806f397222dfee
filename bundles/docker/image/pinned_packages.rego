# METADATA
# title: Installed packages are pinned to versions
# description: >-
#   apt-get install curl, pip install flask or npm install -g yarn installs
#   whatever version the repository serves on the day of the build, so the
#   same Dockerfile builds different images over time: a new release (or a
#   hijacked package) enters without a reviewed change, and a rebuild cannot
#   reproduce the image that was tested. Pin each package to a version
#   (curl=8.5.0-2ubuntu10.6, flask==3.0.3, yarn@1.22.22, gem install rails
#   -v 7.2.1, dnf install nginx-1.24.0) or install from a requirements or
#   lock file, and let Renovate or Dependabot bump the pins. A package given
#   as a variable ($PKGS) is not judged; pip install -r, -c, a local path or
#   a wheel is pinned by the file. One finding per RUN names the unpinned
#   packages.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#apt-get
#   - https://pip.pypa.io/en/stable/topics/repeatable-installs/
# custom:
#   id: TNT-DKR-IMG-013
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["CM-2"]
#     soc2-2017: ["CC8.1"]
#   remediation: Give each package its version (apt-get install curl=<version>, apk add curl=<version>, pip install flask==3.0.3 or pip install -r requirements.txt with pinned requirements, npm install -g yarn@1.22.22, gem install bundler -v 2.5.22, dnf install nginx-<version>) and update the pins with Renovate or Dependabot.
package tenet.docker.image.pinned_packages

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN installs packages without a pinned version: %s", [_list(unpinned)])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	found := [p | some c in docker.commands(ins); some p in _unpinned(docker.argv(c))]
	unpinned := [p | some k, p in found; not p in array.slice(found, 0, k)]
	count(unpinned) > 0
}

# _list(ps) names packages ps: all of them up to four, else three and how
# many more.
_list(ps) := concat(", ", ps) if count(ps) <= 4

_list(ps) := sprintf("%s and %d more", [concat(", ", array.slice(ps, 0, 3)), count(ps) - 3]) if count(ps) > 4

# _unpinned(a) is the packages that command a installs without a version;
# [] for a command that installs none.
_unpinned(a) := [p | some p in _judged(_packages(a, _apt_options)); not _apt_pinned(p)] if {
	docker.command_name(a[0]) in {"apt-get", "apt"}
	_operands(a, _apt_options)[0] == "install"
} else := [p | some p in _judged(_packages(a, _apk_options)); not _apk_pinned(p)] if {
	docker.command_name(a[0]) == "apk"
	_operands(a, _apk_options)[0] == "add"
} else := _pip_unpinned(_packages(p, _pip_options)) if {
	p := _pip(a)
	_operands(p, _pip_options)[0] == "install"
	not _pip_constrained(p)
} else := [p | some p in _judged(_packages(a, _npm_options)); not _npm_pinned(p)] if {
	docker.command_name(a[0]) == "npm"
	_operands(a, _npm_options)[0] in {"install", "i", "add"}
	_npm_global(a)
} else := [p | some p in _judged(_packages(a, _gem_options)); not _gem_pinned(p)] if {
	docker.command_name(a[0]) == "gem"
	_operands(a, _gem_options)[0] == "install"
	not _gem_version(a)
} else := [p | some p in _judged(_packages(a, _rpm_options)); not _rpm_pinned(p)] if {
	docker.command_name(a[0]) in {"yum", "dnf", "microdnf", "tdnf"}
	_operands(a, _rpm_options)[0] in {"install", "reinstall"}
} else := []

# _packages(a, options) is the operands of a after its subcommand.
_packages(a, options) := array.slice(ops, 1, count(ops)) if ops := _operands(a, options)

# _judged(ps) leaves out packages given through variables.
_judged(ps) := [p | some p in ps; not contains(p, "$")]

# _local(p) is true for a file, a directory or a URL rather than a name.
_local(p) if regex.match(`^(\.|/|~)|://|^(git\+|file:|github:)`, p)

# apt-get and apt: curl=8.5.0-2ubuntu10.6, curl=8.5.*, ./app.deb.

_apt_options := {"-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file", "-a", "--host-architecture"}

_apt_pinned(p) if contains(p, "=")

_apt_pinned(p) if _local(p)

_apt_pinned(p) if endswith(p, ".deb")

# apk: curl=8.9.1-r0, curl~8.9; so:, cmd: and pc: names are provides.

_apk_options := {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"}

_apk_pinned(p) if regex.match(`[=~]`, p)

_apk_pinned(p) if _local(p)

_apk_pinned(p) if endswith(p, ".apk")

_apk_pinned(p) if regex.match(`^(so|cmd|pc):`, p)

# pip, pip3 and python -m pip: flask==3.0.3, flask~=3.0, flask>=3.0, a
# path, a wheel or an URL; pkg @ url; everything under -c constraints.

_pip(a) := a if regex.match(`^pip[0-9.]*$`, docker.command_name(a[0]))

_pip(a) := array.slice(a, k, count(a)) if {
	regex.match(`^python[0-9.]*$`, docker.command_name(a[0]))
	some k, w in a
	k > 1
	a[k - 1] == "-m"
	regex.match(`^pip[0-9.]*$`, w)
}

_pip_options := {
	"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
	"-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src", "--platform", "--python-version",
	"--implementation", "--abi", "--only-binary", "--no-binary", "--progress-bar", "--trusted-host", "--cache-dir",
	"--log", "--proxy", "--retries", "--timeout", "--upgrade-strategy", "--global-option", "--config-settings",
	"-C", "--report", "--exists-action", "--cert", "--client-cert", "--python", "--root-user-action",
}

_pip_constrained(a) if {
	some w in a
	regex.match(`^(-c|--constraint)(=.+)?$|^-c.+`, w)
}

_pip_unpinned(ps) := [p |
	some k, p in _judged(ps)
	p != "@"
	not _pip_pinned(p)
	not _judged(ps)[k + 1] == "@"
]

_pip_pinned(p) if regex.match(`==|~=|>=|@`, p)

_pip_pinned(p) if _local(p)

_pip_pinned(p) if regex.match(`\.(whl|zip|tar\.gz|tgz)$`, p)

# npm install -g: yarn@1.22.22, @angular/cli@18.2.8; a tag such as @latest
# is not a version.

_npm_options := {"--prefix", "--registry", "--cache", "--location", "-w", "--workspace", "--omit", "--include", "--userconfig"}

_npm_global(a) if {
	some w in a
	w in {"-g", "--global", "--location=global"}
}

_npm_global(a) if {
	some k, w in a
	w == "--location"
	a[k + 1] == "global"
}

_npm_pinned(p) if {
	m := regex.find_all_string_submatch_n(`^(?:@[^/@]+/)?[^@]+@(.+)$`, p, 1)[0]
	regex.match(`^[v=~^<>]*[0-9]`, m[1])
}

_npm_pinned(p) if _local(p)

_npm_pinned(p) if regex.match(`\.(tgz|tar\.gz)$|#`, p)

# gem install: -v 2.5.22 (for every gem of the command), bundler:2.5.22.

_gem_options := {"-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy", "--platform", "-g", "--file", "--build-root"}

_gem_version(a) if {
	some w in a
	regex.match(`^(-v|--version)(=.+)?$|^-v[0-9]`, w)
}

_gem_pinned(p) if regex.match(`:[0-9]`, p)

_gem_pinned(p) if _local(p)

_gem_pinned(p) if endswith(p, ".gem")

# yum, dnf, microdnf and tdnf: nginx-1.24.0, httpd-2.4.62-1.el9.x86_64,
# openssl-1:3.0.7-27.el9; groups (@...) and provides (...) are not names.

_rpm_options := {"-c", "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "-x", "--exclude", "--setopt", "--repo", "--repoid", "-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--downloaddir", "--destdir", "--repofrompath"}

_rpm_pinned(p) if regex.match(`-[0-9][^-]*(-[^-]*[0-9][^-]*)?$`, p)

_rpm_pinned(p) if _local(p)

_rpm_pinned(p) if regex.match(`\.rpm$|^@|[()]`, p)

# _operands(a, options) is the words of argv a after the command word that
# are neither options nor the value of one of options.
_operands(a, options) := [w |
	some i, w in a
	i > 0
	not startswith(w, "-")
	not a[i - 1] in options
]

# METADATA
# title: Packages are not upgraded wholesale in the build
# description: >-
#   apt-get upgrade, yum update or apk upgrade in a Dockerfile pulls whatever
#   the mirrors hold on the day of the build: two builds of the same commit
#   give different images, a broken or malicious package release enters
#   without any change to review, and the base image's maintainers (who test
#   their updates together) are bypassed. Take updates by rebuilding on an
#   updated base image (pinned by digest and bumped by Renovate or Dependabot);
#   upgrading a named package (yum update openssl, apk upgrade libssl3) is a
#   targeted fix and does not count.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#rebuild-your-images
#   - https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: TNT-DKR-IMG-012
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["CM-2"]
#     soc2-2017: ["CC8.1"]
#   remediation: Remove the upgrade from the RUN and rebuild on an updated base image instead (pin FROM by digest and let Renovate or Dependabot bump it); if one package needs a fix the base lacks, upgrade or install that package by name and version.
package tenet.docker.image.no_upgrade

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN upgrades every installed package: %s", [_short(upgrades[0])])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	upgrades := [concat(" ", a) | some c in docker.commands(ins); a := docker.argv(c); _upgrades_all(a)]
	count(upgrades) > 0
}

_apt_options := {"-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file", "-a", "--host-architecture"}

_upgrades_all(a) if {
	docker.command_name(a[0]) in {"apt-get", "apt", "aptitude"}
	_operands(a, _apt_options)[0] in {"upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade"}
}

_rpm_options := {"-c", "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "-x", "--exclude", "--setopt", "--repo", "--repoid", "-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--downloaddir", "--destdir", "--repofrompath", "--advisory", "--advisories", "--cve", "--cves", "--bz", "--sec-severity", "--secseverity"}

# yum, dnf, microdnf and tdnf update every package when given no package.
_upgrades_all(a) if {
	docker.command_name(a[0]) in {"yum", "dnf", "microdnf", "tdnf"}
	ops := _operands(a, _rpm_options)
	ops[0] in {"update", "upgrade", "upgrade-minimal", "update-minimal", "distro-sync", "distribution-synchronization"}
	count(ops) == 1
}

_apk_options := {"-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"}

_upgrades_all(a) if {
	docker.command_name(a[0]) == "apk"
	ops := _operands(a, _apk_options)
	ops[0] == "upgrade"
	count(ops) == 1
}

_zypper_options := {"-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir", "-r", "--repo", "--from", "-t", "--type"}

_upgrades_all(a) if {
	docker.command_name(a[0]) == "zypper"
	ops := _operands(a, _zypper_options)
	ops[0] in {"up", "update", "dup", "dist-upgrade"}
	count(ops) == 1
}

# _operands(a, options) is the words of argv a after the command word that
# are neither options nor the value of one of options.
_operands(a, options) := [w |
	some i, w in a
	i > 0
	not startswith(w, "-")
	not a[i - 1] in options
]

# _short(c) is command c for a message: at most 80 characters.
_short(c) := c if count(c) <= 80

_short(c) := concat("", [substring(c, 0, 77), "..."]) if count(c) > 80

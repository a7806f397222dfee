# METADATA
# title: Package index updates are not run on their own
# description: >-
#   Each RUN is a cached layer. A RUN that only refreshes the package index
#   (apt-get update, apk update, dnf makecache, zypper refresh) is built once
#   and reused: a later RUN that installs, or a later edit of its package
#   list, then reads an index of days or months ago, installs outdated
#   versions with known vulnerabilities, or fails when the mirror has dropped
#   them. Refreshing and installing in the same RUN keeps them in step.
#   Every stage counts; a heredoc script is one RUN.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#apt-get
#   - https://docs.docker.com/build/cache/
# custom:
#   id: TNT-DKR-IMG-004
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.7"]
#     nist-800-53-r5: ["SI-2", "SI-2(2)"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     hipaa: ["164.308(a)(5)(ii)(A)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Refresh the index in the RUN that installs, and clean it in the same RUN (RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; or apk add --no-cache curl, which needs no update).
package tenet.docker.image.update_alone

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

# _family maps a package manager's command to the index it keeps.
_family := {
	"apt-get": "apt", "apt": "apt", "aptitude": "apt",
	"yum": "dnf", "dnf": "dnf", "dnf5": "dnf", "microdnf": "dnf", "tdnf": "dnf",
	"apk": "apk",
	"zypper": "zypper",
}

# _updates are the subcommands that only refresh the index.
_updates := {
	"apt": {"update"},
	"dnf": {"makecache", "check-update"},
	"apk": {"update"},
	"zypper": {"refresh", "ref"},
}

# _installs are the subcommands that read the index to install or upgrade.
_installs := {
	"apt": {"install", "reinstall", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "safe-upgrade"},
	"dnf": {"install", "reinstall", "localinstall", "groupinstall", "upgrade", "update", "upgrade-minimal", "update-minimal", "distro-sync", "builddep", "swap", "group", "module"},
	"apk": {"add", "upgrade", "fix"},
	"zypper": {"install", "in", "update", "up", "dist-upgrade", "dup", "patch", "source-install", "si", "install-new-recommends", "inr"},
}

# _valued are the options written before the subcommand that take the next
# word as their value.
_valued := {
	"apt": {"-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"},
	"dnf": {"-c", "-d", "-e", "-x", "-R", "--config", "--installroot", "--releasever", "--exclude", "--enablerepo", "--disablerepo", "--repo", "--repoid", "--setopt", "--forcearch"},
	"apk": {"-X", "-p", "-t", "--repository", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file", "--virtual", "--cache-max-age"},
	"zypper": {"-c", "-R", "-D", "--config", "--root", "--reposd-dir", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir"},
}

# _calls(ins) is the set of [j, family, manager, subcommand] of the package
# manager calls in RUN ins, j the index of the simple command.
_calls(ins) := {[j, fam, tool, sub] |
	some j, cmd in docker.commands(ins)
	words := [trim(w, `"'`) | some w in docker.words(cmd)]
	some k, w in words
	tool := regex.replace(w, `^.*/`, "")
	fam := _family[tool]
	rest := array.slice(words, k + 1, count(words))
	positional := [p | some m, p in rest; not startswith(p, "-"); not _value_of_option(fam, rest, m)]
	sub := positional[0]
}

_value_of_option(fam, rest, m) if {
	m > 0
	rest[m - 1] in _valued[fam]
}

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	calls := _calls(ins)
	some [j, fam, tool, sub] in calls
	sub in _updates[fam]
	not _installs_after(calls, j, fam)
	msg := sprintf("RUN runs %s %s and installs nothing with %s after it in the same RUN: the index is cached in its own layer and goes stale", [tool, sub, tool])
}

_installs_after(calls, j, fam) if {
	some [later, family, _, sub] in calls
	later > j
	family == fam
	sub in _installs[fam]
}

# METADATA
# title: Package signatures are verified
# description: >-
#   Package managers check each package, or the signed index that lists its
#   digest, against the distribution's keys: that is what makes a package
#   from a mirror or a proxy the one the distribution built. The options
#   and settings that turn the check off (apt --allow-unauthenticated,
#   --allow-insecure-repositories or [trusted=yes]; yum and dnf
#   --nogpgcheck or gpgcheck=0; zypper --no-gpg-checks; apk
#   --allow-untrusted; rpm --nosignature or --nodigest) let anyone who can
#   serve or alter the download put their own code in the image. Every
#   stage counts: what a build stage installs builds what ships.
# scope: package
# related_resources:
#   - https://manpages.debian.org/bookworm/apt/apt-get.8.en.html
#   - https://manpages.debian.org/bookworm/apt/sources.list.5.en.html
#   - https://dnf.readthedocs.io/en/latest/command_ref.html
#   - https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
#   - https://rpm.org/docs/4.19.x/man/rpm.8.html
# custom:
#   id: TNT-DKR-IMG-016
#   severity: high
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.11", "4.12"]
#     nist-800-53-r5: ["CM-2", "SI-7", "SI-7(6)", "SI-7(15)"]
#     soc2-2017: ["CC6.8", "CC8.1"]
#   remediation: Remove the option or setting that skips signature checks and import the repository's signing key instead (a signed-by= keyring in the apt source, gpgkey= in the yum/dnf repository, the key in /etc/apk/keys), so that every package is verified.
package tenet.docker.image.package_signatures

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN %s", [why])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	some why in _run_unverified(ins)
}

deny contains result.fail_attr(s, docker.attr(i), sprintf("COPY writes %s", [why])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "copy")
	some h in ins.heredocs
	some why in _config_text(h.content)
}

# _run_unverified(ins) is the set of reasons RUN instruction ins installs
# packages without verifying them: options of its commands, and settings
# its script passes or writes to a configuration file.
_run_unverified(ins) := {why |
	some c in docker.commands(ins)
	some w in docker.words(c)
	why := _options[w]
} | _config_text(docker.script(ins))

# _options maps each option that skips signature checks to what it does.
_options := {
	"--allow-unauthenticated": "apt-get --allow-unauthenticated installs packages apt cannot authenticate",
	"--allow-insecure-repositories": "apt-get --allow-insecure-repositories reads repositories that are not signed",
	"--force-yes": "apt-get --force-yes (deprecated) installs packages apt cannot authenticate",
	"--nogpgcheck": "--nogpgcheck: yum and dnf skip package signature checks",
	"--no-gpg-checks": "zypper --no-gpg-checks goes on when signature checks fail",
	"--allow-untrusted": "apk --allow-untrusted installs packages signed by unknown keys, or not signed",
	"--nosignature": "rpm --nosignature does not verify package signatures",
	"--nodigest": "rpm --nodigest does not verify package digests",
}

# _config_text(text) is the set of settings in text (a script, or a file a
# heredoc writes) that skip signature checks: apt's options (-o or
# apt.conf), [trusted=yes] or Trusted: yes in an apt source, and
# gpgcheck=0 in a yum, dnf or zypper repository (or --setopt).
_config_text(text) := {why |
	some [pattern, why] in _config_patterns
	regex.match(pattern, text)
} | {sprintf("%s true: apt accepts unsigned repositories or packages", [m[1]]) |
	some m in regex.find_all_string_submatch_n(`(?i)\b((?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories|Acquire::AllowWeakRepositories))["']?(?:\s*=\s*|\s+)["']?(?:true|yes|1)\b`, text, -1)
}

_config_patterns := [
	[`(?i)\[[^\]\n]*\btrusted=yes\b[^\]\n]*\]`, "an apt source with [trusted=yes]: apt uses the repository without checking its signature"],
	[`(?im)(^|\\n)\s*Trusted:\s*yes\b`, "an apt source with Trusted: yes: apt uses the repository without checking its signature"],
	[`(?i)(^|[^\w]|\\n)gpgcheck\s*=\s*["']?(0|false|no|off)\b`, "gpgcheck=0: the repository's packages are installed without checking their signatures"],
]

# docker.words(c) is the words of a command, split at any blank and without the
# quotes around them.

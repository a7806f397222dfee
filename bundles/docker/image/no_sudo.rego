# METADATA
# title: RUN instructions do not use sudo
# description: >-
#   A build runs as root until a USER instruction says otherwise, so sudo in a
#   RUN is either useless or a sign that the image keeps a sudo set-up (a
#   sudoers entry, often NOPASSWD) that lets its non-root user become root
#   again at run time, which undoes the USER that was meant to drop the
#   privilege. sudo also behaves unpredictably without a terminal. Switch
#   users with USER root before the commands that need root and USER app
#   after them. A package named sudo being installed is not a use.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#user
#   - https://avd.aquasec.com/misconfig/ds010
# custom:
#   id: TNT-DKR-IMG-007
#   severity: high
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Drop sudo from the RUN; put USER root before the instructions that need root and USER app (the image's unprivileged user) after them, and remove any sudoers entry the image adds.
package tenet.docker.image.no_sudo

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN uses sudo: %s", [_short(uses[0])])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	uses := [u | some c in docker.commands(ins); u := _sudo(c)]
	count(uses) > 0
}

# _sudo(c) is simple command c from its sudo on when it runs through sudo:
# sudo before its command word, not an argument such as apt-get install
# sudo.
_sudo(c) := concat(" ", array.slice(ws, i, count(ws))) if {
	ws := docker.words(c)
	i := min({j | some j, w in ws; docker.command_name(w) == "sudo"})
	i < docker.command_index(ws)
}

# _short(c) is command c for a message: white space squeezed, at most 80
# characters.
_short(c) := s if {
	s := regex.replace(c, `\s+`, " ")
	count(s) <= 80
} else := concat("", [substring(regex.replace(c, `\s+`, " "), 0, 77), "..."])

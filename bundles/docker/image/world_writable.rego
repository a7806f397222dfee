# METADATA
# title: Image files are not world-writable
# description: >-
#   A file or directory that every user may write (chmod 777, 666, o+w,
#   a+rwx; COPY --chmod=777) lets any process in the container, whatever
#   user it runs as, replace the programs, scripts and configuration the
#   image ships or plant files that a more privileged process then reads or
#   runs: the separation that USER and file ownership give is gone. A
#   shared directory with the sticky bit (chmod 1777, as /tmp has) is
#   exempt: its users cannot remove or rename each other's files. The final
#   image counts, with the stages it is built on and the files it copies
#   from other stages (COPY --from keeps the mode). When the final image's
#   FROM depends on an ARG without a value, what an earlier stage it may
#   name does is reported unknown.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#copy---chmod
#   - https://www.gnu.org/software/coreutils/manual/html_node/Symbolic-Modes.html
# custom:
#   id: TNT-DKR-IMG-014
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-6", "CM-5", "CM-6"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Give files to the user that needs them (COPY --chown=app, chown app) and the narrowest mode (755 for programs and directories, 644 for files, 775 or 770 with a shared group), or add the sticky bit (1777) to a directory that every user must write.
package tenet.docker.image.world_writable

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(ch.i), sprintf("%s makes files writable by every user", [ch.what])) if {
	some s in docker.stages
	s.address in docker.shipped
	some ch in docker.mode_changes(s)
	_world_writable(ch.mode)
}

deny contains result.fail_attr(s, docker.attr(ch.i), msg) if {
	some s in docker.stages
	not s.address in docker.shipped
	some ch in docker.mode_changes(s)
	_world_writable(ch.mode)
	some copy in docker.copied_from(s, ch)
	msg := sprintf("%s makes files writable by every user, and the final image copies them (%s)", [ch.what, copy])
}

# When the stage the final image starts from has a FROM that depends on an
# ARG without a value, it may name an earlier stage: its mode changes are
# unknown, not failures (those the final image copies fail above).
unknown contains result.unknown_msg(s, docker.attr(ch.i), sprintf("%s makes files writable by every user %s", [ch.what, docker.if_base(s)])) if {
	some s in docker.candidates
	some ch in docker.mode_changes(s)
	_world_writable(ch.mode)
	count(docker.copied_from(s, ch)) == 0
}

# _world_writable(mode) is true for a mode that gives others write access
# without the sticky bit.
_world_writable(mode) if {
	v := docker.octal(mode)
	bits.and(v, 2) != 0
	bits.and(v, 512) == 0 # 01000, the sticky bit
}

_world_writable(mode) if {
	clauses := docker.symbolic(mode)
	some [who, ops] in clauses
	_others(who)
	some op in ops
	op[0] in {"+", "="}
	contains(op[1], "w")
	not _sticky(clauses)
}

# _others(who) is true when a symbolic clause's who includes others. An
# empty who (chmod +w) is filtered by the umask, 022 in a build, and so
# does not reach others.
_others(who) if contains(who, "o")

_others(who) if contains(who, "a")

_sticky(clauses) if {
	some [_, ops] in clauses
	some op in ops
	op[0] in {"+", "="}
	contains(op[1], "t")
}

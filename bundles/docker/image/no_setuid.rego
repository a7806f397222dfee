# METADATA
# title: No setuid or setgid bits are added
# description: >-
#   A program with the setuid or setgid bit runs as its owner or group, root
#   for most, whoever starts it: any flaw in it, or in what it loads, lets
#   an unprivileged process in the container become root there, a step
#   towards the host. CIS Docker 4.8 asks images to remove these bits, not
#   add them (chmod u+s, g+s, +s, 4755, 2755, 6755; COPY --chmod=4755).
#   Setgid on a directory only makes new files inherit its group, and is
#   exempt where the Dockerfile shows the target is one (mkdir -m, a path
#   ending in /, or a path the same RUN creates with mkdir). The final image
#   counts, with the stages it is built on and the files it copies from
#   other stages (COPY --from keeps the mode). When the final image's FROM
#   depends on an ARG without a value, what an earlier stage it may name
#   does is reported unknown.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#copy---chmod
#   - https://man7.org/linux/man-pages/man2/execve.2.html
# custom:
#   id: TNT-DKR-IMG-019
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.8"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Do not add setuid or setgid bits (755 rather than 4755); give the program the one capability it needs (setcap cap_net_bind_service=+ep) or run it as the user it needs, and strip the bits the base image has (RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +).
package tenet.docker.image.no_setuid

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(ch.i), sprintf("%s adds the %s", [ch.what, _bits(s, ch)])) if {
	some s in docker.stages
	s.address in docker.shipped
	some ch in docker.mode_changes(s)
	_bits(s, ch)
}

deny contains result.fail_attr(s, docker.attr(ch.i), msg) if {
	some s in docker.stages
	not s.address in docker.shipped
	some ch in docker.mode_changes(s)
	what := _bits(s, ch)
	some copy in docker.copied_from(s, ch)
	msg := sprintf("%s adds the %s, and the final image copies the files (%s)", [ch.what, what, copy])
}

# When the stage the final image starts from has a FROM that depends on an
# ARG without a value, it may name an earlier stage: its mode changes are
# unknown, not failures (those the final image copies fail above).
unknown contains result.unknown_msg(s, docker.attr(ch.i), sprintf("%s adds the %s %s", [ch.what, _bits(s, ch), docker.if_base(s)])) if {
	some s in docker.candidates
	some ch in docker.mode_changes(s)
	_bits(s, ch)
	count(docker.copied_from(s, ch)) == 0
}

# _bits(s, ch) names the special bits mode change ch of stage s adds;
# undefined when it adds none, or only setgid to directories.
_bits(s, ch) := "setuid and setgid bits" if {
	_special(ch.mode) == {"setuid", "setgid"}
	not _directories(s, ch)
} else := "setuid bit" if {
	_special(ch.mode) == {"setuid"}
	ch.tool != "mkdir"
} else := "setgid bit" if {
	_special(ch.mode) == {"setgid"}
	not _directories(s, ch)
}

# _special(mode) is the set of special bits ("setuid", "setgid") mode adds.
_special(mode) := {b |
	v := docker.octal(mode)
	some [bit, b] in [[2048, "setuid"], [1024, "setgid"]] # 04000, 02000
	bits.and(v, bit) != 0
} if docker.octal(mode)

_special(mode) := {b |
	some [who, ops] in docker.symbolic(mode)
	some op in ops
	op[0] in {"+", "="}
	contains(op[1], "s")
	some [b, whom] in [["setuid", "u"], ["setgid", "g"]]
	_applies(who, whom)
} if docker.symbolic(mode)

# _applies(who, whom) is true when a clause's who sets whom's bit: u or g
# itself, a, or an empty who (the umask does not filter s).
_applies("", _)

_applies(who, whom) if contains(who, whom)

_applies(who, _) if contains(who, "a")

# _directories(s, ch) is true when every target of ch is a directory as far
# as the Dockerfile shows: mkdir -m, a path that ends in /, or one that a
# mkdir in the same RUN creates.
_directories(_, ch) if ch.tool == "mkdir"

_directories(s, ch) if {
	ch.tool == "chmod"
	count(ch.targets) > 0
	ins := s.values.instructions[ch.i]
	made := {w |
		some c in docker.commands(ins)
		ws := docker.words(c)
		docker.command_name(ws[0]) == "mkdir"
		some w in ws
	}
	every t in ch.targets {
		_directory(t, made)
	}
}

_directory(t, _) if endswith(t, "/")

_directory(t, made) if t in made

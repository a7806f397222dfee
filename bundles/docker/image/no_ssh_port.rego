# METADATA
# title: SSH port is not exposed
# description: >-
#   EXPOSE 22 means the image is meant to run an SSH daemon: a second way in
#   that bypasses the orchestrator's access control and audit (kubectl exec,
#   docker exec), carries its own keys or passwords inside the image, and is
#   one more network service to patch. Containers are entered through the
#   runtime, not through SSH. Port 22 counts alone, with /tcp or /udp, inside
#   a range such as 20-25 and through an ARG or ENV of the stage that gives
#   it, in any stage.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#expose
#   - https://avd.aquasec.com/misconfig/ds004
# custom:
#   id: TNT-DKR-IMG-008
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["AC-17", "CM-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["2.2.4"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove port 22 from EXPOSE and the SSH server from the image; enter running containers with docker exec or kubectl exec (or kubectl debug) instead.
package tenet.docker.image.no_ssh_port

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("EXPOSE %s exposes the SSH port 22", [concat(" ", ssh)])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "expose")
	ssh := [_shown(s, i, p) | some p in ins.args; _includes_22(_resolved(s, i, p))]
	count(ssh) > 0
}

# _includes_22(p) is true for a port specification (22, 22/tcp, 20-25/udp)
# that includes port 22.
_includes_22(p) if {
	m := regex.find_all_string_submatch_n(`^([0-9]+)(?:-([0-9]+))?(?:/(?:tcp|udp|sctp))?$`, lower(p), 1)[0]
	to_number(m[1]) <= 22
	22 <= _high(m)
}

_high(m) := to_number(m[2]) if m[2] != ""

_high(m) := to_number(m[1]) if m[2] == ""

# _resolved(s, i, p) is port specification p of instruction i of stage s
# with a variable ($SSH_PORT, ${SSH_PORT}/tcp) replaced by the value an
# earlier ARG or ENV of the stage gives it (the global ARG's default for an
# ARG declared without one); p itself otherwise.
_resolved(s, i, p) := concat("", [_value(s, i, m[1]), m[2]]) if {
	m := regex.find_all_string_submatch_n(`^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?(/[a-z]+)?$`, p, 1)[0]
} else := p

_shown(s, i, p) := sprintf("%s (%s)", [p, _resolved(s, i, p)]) if _resolved(s, i, p) != p

_shown(s, i, p) := p if _resolved(s, i, p) == p

# _value(s, i, name) is the value of variable name at instruction i of
# stage s: from the last ARG or ENV before it that sets it.
_value(s, i, name) := v if {
	defs := [d |
		some j, ins in s.values.instructions
		j < i
		ins.cmd in {"arg", "env"}
		not ins.global
		some d in _definitions(ins, name)
	]
	count(defs) > 0
	v := defs[count(defs) - 1]
}

# _definitions(ins, name) is the values an ARG or ENV gives name, in order.
# The loader gives ARG name=value words, and ENV BuildKit's triples (name,
# value, "=" or "" for the legacy ENV NAME value); name=value is read for
# ENV too.
_definitions(ins, name) := [v |
	some k, a in ins.args
	v := _definition(ins, k, a, name)
]

_definition(_, _, a, name) := trim(substring(a, count(name) + 1, -1), `"'`) if startswith(a, concat("", [name, "="]))

_definition(ins, k, a, name) := trim(ins.args[k + 1], `"'`) if {
	ins.cmd == "env"
	a == name
	k % 3 == 0
	count(ins.args) % 3 == 0
	ins.args[k + 2] in {"=", ""}
}

_definition(ins, _, a, name) := _global_default(name) if {
	ins.cmd == "arg"
	a == name
}

_global_default(name) := v if {
	some r in docker.stages
	some ins in r.values.instructions
	ins.global
	some a in ins.args
	startswith(a, concat("", [name, "="]))
	v := trim(substring(a, count(name) + 1, -1), `"'`)
}

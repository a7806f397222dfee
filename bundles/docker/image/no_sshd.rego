# METADATA
# title: Image does not run an SSH server
# description: >-
#   An SSH server in a container is a second way in that bypasses the
#   runtime's own (docker exec, kubectl exec) and its access control and
#   audit: it needs host keys and credentials baked into or mounted in the
#   image, is one more service to patch, and is rarely watched. The final
#   image counts, with the stages it is built on: an SSH server installed
#   there (openssh-server, Debian's ssh, Alpine's openssh, dropbear,
#   tinysshd), or started by its CMD or ENTRYPOINT, ships. When the final
#   image's FROM depends on an ARG without a value, what an earlier stage it
#   may name does is reported unknown.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/cli/docker/container/exec/
#   - https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/
# custom:
#   id: TNT-DKR-IMG-018
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.3"]
#     nist-800-53-r5: ["AC-17", "CM-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["2.2.4"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Do not install or start an SSH server in the image; reach a running container with docker exec or kubectl exec (or an ephemeral debug container), and copy files with docker cp or kubectl cp.
package tenet.docker.image.no_sshd

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN installs %s: the image carries an SSH server", [pkg])) if {
	some s in _shipped
	some [i, ins] in docker.instructions(s, "run")
	some c in docker.commands(ins)
	some pkg in _ssh_servers_installed(docker.words(c))
}

deny contains result.fail_attr(s, docker.attr(i), sprintf("%s starts an SSH server (%s)", [upper(ins.cmd), server])) if {
	some [s, i, ins] in _effective_start
	some c in docker.commands(ins)
	some server in _ssh_servers_started(docker.words(c))
}

# When the stage the final image starts from has a FROM that depends on an
# ARG without a value, it may name an earlier stage: what that stage does
# is unknown, not a failure.
unknown contains result.unknown_msg(s, docker.attr(i), sprintf("RUN installs %s: the image carries an SSH server %s", [pkg, _if_base(s)])) if {
	some s in _candidates
	some [i, ins] in docker.instructions(s, "run")
	some c in docker.commands(ins)
	some pkg in _ssh_servers_installed(docker.words(c))
}

unknown contains result.unknown_msg(s, docker.attr(i), sprintf("%s starts an SSH server (%s) %s", [upper(ins.cmd), server, _if_base(s)])) if {
	some s in _candidates
	some cmd in {"cmd", "entrypoint"}
	not _overridden(cmd)
	some [i, ins] in docker.instructions(s, cmd)
	not _later(s, i, cmd)
	some c in docker.commands(ins)
	some server in _ssh_servers_started(docker.words(c))
}

# _root is the first stage of the final image: the final stage or the
# earliest stage it is built on.
_root := s if {
	some s in _shipped_in_order
	not s.values.from.stage
}

# _candidates is the set of the named stages before _root, not in the
# final image's chain, when _root's FROM is unknown: it may name any.
_candidates contains s if {
	docker.base_unknown(_root)
	some s in docker.stages
	s.values.index < _root.values.index
	s.values.name != ""
	not s.address in _chain
}

_if_base(s) := sprintf("if the final image is built on stage %s (its FROM %s depends on an ARG without a value)", [s.values.name, _root.values.from.raw])

# _overridden(cmd) is true when the final image's known stages replace
# the CMD or ENTRYPOINT of the stage they may be built on: their own, or
# an ENTRYPOINT, which drops an inherited CMD.
_overridden(cmd) if {
	some e in _ordered
	e[2].cmd in {cmd, "entrypoint"}
}

# _later(s, i, cmd) is true when stage s has a cmd instruction after i.
_later(s, i, cmd) if {
	some [k, _] in docker.instructions(s, cmd)
	k > i
}

# _servers maps each family of package managers to the packages that bring
# an SSH server.
_servers := {
	"apt": {"openssh-server", "ssh", "dropbear", "dropbear-bin", "tinysshd"},
	"apk": {"openssh-server", "openssh", "dropbear"},
	"rpm": {"openssh-server", "dropbear"},
	"zypper": {"openssh-server"},
}

# _managers maps a package manager to its family (which names its SSH
# server packages) and its install verbs.
_managers := {
	"apt-get": ["apt", {"install"}],
	"apt": ["apt", {"install"}],
	"aptitude": ["apt", {"install"}],
	"apk": ["apk", {"add"}],
	"yum": ["rpm", {"install"}],
	"dnf": ["rpm", {"install"}],
	"microdnf": ["rpm", {"install"}],
	"tdnf": ["rpm", {"install"}],
	"zypper": ["zypper", {"install", "in"}],
}

# _ssh_servers_installed(ws) is the set of SSH server packages that command
# ws installs: words after the install verb (options may come before it:
# apt-get -y install, apk --no-cache add) that name the package, with a
# version (=1.2, -9.6p1), an architecture (:amd64) or a constraint (~9)
# after the name.
_ssh_servers_installed(ws) := {pkg |
	some j, w in ws
	[family, verbs] := _managers[_base(w)]
	some v, verb in ws
	v > j
	verb in verbs
	some k, arg in ws
	k > v
	not startswith(arg, "-")
	some pkg in _servers[family]
	regex.match(sprintf(`^%s([=~<>:].*|-[0-9].*)?$`, [pkg]), arg)
}

# _ssh_servers_started(ws) names the SSH servers a command starts: sshd,
# dropbear or tinysshd by path or name, or the ssh service.
_ssh_servers_started(ws) := {_base(w) | some w in ws; _base(w) in {"sshd", "dropbear", "tinysshd"}} | _service(ws)

_service(ws) := {"the ssh service" |
	some j, w in ws
	_base(w) in {"service", "rc-service"}
	ws[j + 1] in {"ssh", "sshd"}
} | {"the ssh service" | some w in ws; w in {"/etc/init.d/ssh", "/etc/init.d/sshd"}}

# _effective_start is the set of [stage, index, instruction] of the
# ENTRYPOINT and CMD the final image runs: the last of each in the final
# stage and the stages it is built on, a CMD dropped when a later stage sets
# ENTRYPOINT (as a base image's CMD is).
_effective_start contains e if {
	es := [e | some e in _ordered; e[2].cmd == "entrypoint"]
	count(es) > 0
	e := es[count(es) - 1]
}

_effective_start contains c if {
	cs := [c | some c in _ordered; c[2].cmd == "cmd"]
	count(cs) > 0
	c := cs[count(cs) - 1]
	not _entrypoint_after(c[0])
}

_entrypoint_after(s) if {
	some e in _ordered
	e[2].cmd == "entrypoint"
	e[0].values.index > s.values.index
}

# _ordered is [stage, index, instruction] of every instruction of the final
# image's stages, the earliest stage first.
_ordered := [[s, i, ins] |
	some s in _shipped_in_order
	some i, ins in s.values.instructions
]

# _shipped is the set of the final stage and the stages it is built on.
_shipped contains s if some s in _shipped_in_order

_shipped_in_order := [s |
	some s in docker.stages
	s.address in _chain
]

_chain contains a if {
	g := {s.address: [p.address | some p in docker.stages; p.values.name != ""; p.values.name == s.values.from.stage] | some s in docker.stages}
	some a in graph.reachable(g, {docker.final.address})
}

# docker.words(c) is the words of a command, split at any blank and without the
# quotes around them.

_base(w) := b if {
	parts := split(w, "/")
	b := parts[count(parts) - 1]
}

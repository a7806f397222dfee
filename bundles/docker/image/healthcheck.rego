# METADATA
# title: Image defines a HEALTHCHECK
# description: >-
#   Without a HEALTHCHECK, Docker and Swarm only know whether the container's
#   process is running, not whether it answers: a server that hangs,
#   deadlocks or loses its backend keeps receiving traffic and is never
#   restarted. HEALTHCHECK NONE switches off even the check of the base
#   image. The final stage is the image that ships; its last HEALTHCHECK, or
#   that of the stage it is built on, decides. Images run only under
#   orchestrators that probe them from outside (Kubernetes liveness and
#   readiness probes) may be waived.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#healthcheck
# custom:
#   id: TNT-DKR-IMG-002
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.6"]
#     soc2-2017: ["A1.1"]
#   remediation: Add a HEALTHCHECK to the final stage that tests what the service does (HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:8080/healthz || exit 1, or a small probe binary in images without a shell), and remove any HEALTHCHECK NONE.
package tenet.docker.image.healthcheck

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

# _last(s) is [i, instruction] of the last HEALTHCHECK of stage s itself.
_last(s) := [i, ins] if {
	checks := [[i, ins] | some i, ins in s.values.instructions; ins.cmd == "healthcheck"]
	count(checks) > 0
	[i, ins] := checks[count(checks) - 1]
}

# _effective(s) is [stage, i, instruction]: the HEALTHCHECK the image of
# stage s has, its own last one or the nearest of the stages it is built on.
_effective(s) := found[0] if {
	found := [[c, i, ins] | some c in docker.chain(s); [i, ins] := _last(c)]
	count(found) > 0
}

_none(ins) if upper(ins.args[0]) == "NONE"

deny contains result.fail_attr(s, "from", "the final stage defines no HEALTHCHECK: nothing tells whether the service answers") if {
	s := docker.final
	not _effective(s)
	not _maybe_inherited(s)
}

deny contains result.fail_attr(s, docker.attr(i), "HEALTHCHECK NONE disables the health check of the final stage") if {
	s := docker.final
	[c, i, ins] := _effective(s)
	c.address == s.address
	_none(ins)
}

deny contains result.fail_attr(s, "from", sprintf("the final stage is built on stage %s, whose HEALTHCHECK NONE disables the health check", [c.name])) if {
	s := docker.final
	[c, _, ins] := _effective(s)
	c.address != s.address
	_none(ins)
}

# _maybe_inherited(s) is true when stage s has no HEALTHCHECK of its own
# chain but its base image is decided by a build argument and an earlier
# stage, which it might name, defines one.
_maybe_inherited(s) if {
	docker.base_unknown(s)
	some c in docker.stages
	c.values.index < s.values.index
	[_, ins] := _last(c)
	not _none(ins)
}

unknown contains result.unknown_msg(s, "from", msg) if {
	s := docker.final
	not _effective(s)
	_maybe_inherited(s)
	msg := sprintf("the final stage defines no HEALTHCHECK and is built on %s, a build argument without a default that may name an earlier stage with one", [s.values.from.raw])
}

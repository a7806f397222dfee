# METADATA
# title: Build steps run without extra privileges
# description: >-
#   RUN --security=insecure runs the step with every capability and without
#   the seccomp and AppArmor profiles that confine a build step, as a
#   privileged container does, on the build host; RUN --network=host gives
#   the step the build host's network namespace, its loopback services and
#   interfaces. Both need an entitlement (security.insecure, network.host)
#   that the builder has to grant, and a step that has them can reach or
#   change the machine that builds and signs images. Every stage counts: a
#   build stage runs on the same host as the final one.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#run---security
#   - https://docs.docker.com/reference/dockerfile/#run---network
#   - https://docs.docker.com/build/buildkit/configure/#allow-insecure-entitlements
# custom:
#   id: TNT-DKR-IMG-020
#   severity: high
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove --security=insecure and --network=host from RUN; do what needs them (a FUSE mount, a service on the host) outside the image build, or reach a service through a build secret or a named network instead of the host's.
package tenet.docker.image.insecure_build

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

# _why maps each privileged RUN flag to what it grants.
_why := {
	"--security=insecure": "the step runs with all capabilities and no seccomp or AppArmor profile on the build host",
	"--network=host": "the step shares the build host's network",
}

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN %s: %s", [flag, _why[flag]])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	some flag in ins.flags
	_why[flag]
}

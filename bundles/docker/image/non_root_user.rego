# METADATA
# title: Final image runs as a non-root user
# description: >-
#   A container runs as the image's user unless its runtime says otherwise,
#   and most base images leave that user root. A process that runs as root
#   in the container is root on the host's kernel interfaces the container
#   can reach: a breakout or a writable host mount is then a host compromise.
#   The last stage is the image that ships; its USER, or that of the stage it
#   is built on, decides.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#user
#   - https://docs.docker.com/build/building/best-practices/#user
# custom:
#   id: TNT-DKR-IMG-001
#   severity: high
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.1"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Create an unprivileged user in the image (RUN useradd --system app, or adduser -S app on Alpine) and add USER app (or a numeric UID such as 10001) as the last USER of the final stage.
package tenet.docker.image.non_root_user

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, "from", "the final stage sets no USER: the image runs as its base image's user, root for most images") if {
	s := docker.final
	not docker.user(s)
}

deny contains result.fail_attr(s, docker.attr(i), sprintf("the final stage runs as %s", [u])) if {
	s := docker.final
	u := docker.user(s)
	docker.root_user(u)
	users := [i | some i, ins in s.values.instructions; ins.cmd == "user"]
	count(users) > 0
	i := users[count(users) - 1]
}

deny contains result.fail_attr(s, "from", sprintf("the final stage runs as %s, the user of the stage it is built on", [u])) if {
	s := docker.final
	u := docker.user(s)
	docker.root_user(u)
	not docker.last_user(s)
}

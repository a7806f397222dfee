# METADATA
# title: Base images are pinned by digest
# description: >-
#   A tag is a name the registry owner (or whoever takes over the account or
#   the registry path) can point at other content at any time: python:3.12-slim
#   today is not python:3.12-slim next month, and a compromised tag is pulled
#   into every build that names it. A digest (@sha256:...) names the content
#   itself, so the build gets exactly the image that was reviewed, and
#   updates arrive as visible changes to the Dockerfile (Renovate and
#   Dependabot keep digests current). Every stage counts, since build stages
#   produce what the final image copies; scratch and earlier stages are not
#   images to pin. A base image that depends on an ARG without a value is
#   unknown.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#from
#   - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
# custom:
#   id: TNT-DKR-IMG-011
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.2"]
#     nist-800-53-r5: ["CM-2", "SI-7"]
#     soc2-2017: ["CC8.1"]
#   remediation: Add the digest of the image you tested to FROM, keeping the tag for readers (FROM python:3.12-slim@sha256:<digest>; docker buildx imagetools inspect python:3.12-slim prints it), and let Renovate or Dependabot update it.
package tenet.docker.image.base_digest

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, "from", sprintf("FROM %s is not pinned by digest", [f.image])) if {
	some s in docker.stages
	f := s.values.from
	not f.scratch
	not f.stage
	f.digest == ""
}

unknown contains result.unknown_msg(s, "from", sprintf("FROM %s depends on an ARG without a value: whether the base image is pinned by digest is unknown", [s.values.from.raw])) if {
	some s in docker.stages
	docker.base_unknown(s)
}

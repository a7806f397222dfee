# METADATA
# title: Base images are pinned
# description: >-
#   A FROM without a tag, or with latest, builds on whatever the registry
#   serves that day: two builds of the same Dockerfile can ship different
#   operating systems, libraries and vulnerabilities, and nobody reviewed the
#   change. A version tag names what was tested; a digest (@sha256:...) fixes
#   the exact bytes. Every stage counts, since build stages produce what the
#   final image copies; scratch and earlier stages are not pulled images.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#from
#   - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
# custom:
#   id: TNT-DKR-IMG-005
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.2"]
#     nist-800-53-r5: ["CM-2", "SI-7"]
#     soc2-2017: ["CC8.1"]
#   remediation: Name a version tag in every FROM (FROM python:3.12-slim, not FROM python or python:latest), or better a digest (FROM python:3.12-slim@sha256:...), updated on purpose by a tool such as Renovate or Dependabot.
package tenet.docker.image.base_pinned

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

# _pulled(s) is true when stage s pulls an image from a registry: not
# scratch, not an earlier stage, and known.
_pulled(s) if {
	not s.values.from.stage
	not s.values.from.scratch
	not docker.base_unknown(s)
}

deny contains result.fail_attr(s, "from", sprintf("FROM %s has no tag: it builds on whatever latest is at build time", [s.values.from.image])) if {
	some s in docker.stages
	_pulled(s)
	s.values.from.tag == ""
	s.values.from.digest == ""
}

deny contains result.fail_attr(s, "from", sprintf("FROM %s uses the latest tag, which moves with every release", [s.values.from.image])) if {
	some s in docker.stages
	_pulled(s)
	s.values.from.tag == "latest"
	s.values.from.digest == ""
}

# A base image written with a build argument that has no value is decided
# by --build-arg when the image is built.
unknown contains result.unknown_msg(s, "from", msg) if {
	some s in docker.stages
	docker.base_unknown(s)
	msg := sprintf("FROM %s depends on a build argument without a default: whether the base image is pinned is decided by --build-arg", [s.values.from.raw])
}

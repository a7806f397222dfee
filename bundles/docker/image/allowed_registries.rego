# METADATA
# title: Base images come from the allowed registries
# description: >-
#   A base image from an arbitrary registry brings code that the
#   organisation's scanning and signing never saw into every image built on
#   it. Parameter allowed_registries (tenet.params.allowed_registries in a
#   --data file), shared with TNT-K8S-POD-024: the registry hosts or
#   repository prefixes images may come from, such as "ghcr.io/acme/" or
#   "docker.io/library/"; an image without a registry is on docker.io
#   (library/ for a single name). Unset or empty, the rule is off. scratch
#   and FROM an earlier stage pull nothing and are not judged.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#from
#   - https://docs.docker.com/build/building/best-practices/#choose-the-right-base-image
# custom:
#   id: TNT-DKR-IMG-021
#   severity: medium
#   requires: [allowed_registries]
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["CM-2", "CM-7(5)", "SI-7"]
#     soc2-2017: ["CC8.1"]
#   remediation: Build FROM an image in one of the allowed registries (mirror the base image there first), or add its registry or repository prefix to allowed_registries when the organisation trusts it.
package tenet.docker.image.allowed_registries

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.images
import data.tenet.lib.params
import data.tenet.lib.result

_allowed := params.list("allowed_registries")

_pulled(s) if {
	not s.values.from.stage
	not s.values.from.scratch
	not docker.base_unknown(s)
	is_string(s.values.from.image)
}

deny contains result.fail_attr(s, "from", msg) if {
	count(_allowed) > 0
	some s in docker.stages
	_pulled(s)
	not images.allowed(s.values.from.image, _allowed)
	msg := sprintf("FROM %s pulls from %s, which allowed_registries does not list", [s.values.from.image, images.repository(s.values.from.image)])
}

# A base image named by a build argument without a default is chosen by
# --build-arg when the image is built.
unknown contains result.unknown_msg(s, "from", msg) if {
	count(_allowed) > 0
	some s in docker.stages
	docker.base_unknown(s)
	msg := sprintf("FROM %s depends on a build argument without a default: whether the base image comes from an allowed registry is decided by --build-arg", [s.values.from.raw])
}

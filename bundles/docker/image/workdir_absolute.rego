# METADATA
# title: WORKDIR uses an absolute path
# description: >-
#   A relative WORKDIR is resolved against the WORKDIR before it, which may
#   be one an earlier stage or the base image set: where COPY puts files and
#   where RUN, CMD and ENTRYPOINT run is then not what the reader of the
#   Dockerfile sees, and it changes when the base image changes its own.
#   An absolute path (or one that starts with a variable the build sets)
#   says where the files are; Windows paths with a drive letter are absolute.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#workdir
#   - https://docs.docker.com/build/building/best-practices/#workdir
# custom:
#   id: TNT-DKR-IMG-017
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["CM-2"]
#   remediation: Write WORKDIR with an absolute path (WORKDIR /app rather than WORKDIR app), or build it from a variable the Dockerfile sets (WORKDIR ${APP_HOME}/src).
package tenet.docker.image.workdir_absolute

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("WORKDIR %s is relative: it is resolved against the WORKDIR before it, or the base image's", [dir])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "workdir")
	count(ins.args) > 0
	dir := _unquote(ins.args[0])
	not _absolute(dir)
}

# _absolute(dir) is true for /path, a path that starts with a variable
# ($HOME/app, ${APP_DIR}), a Windows path with a drive (C:\app, C:/app) and
# the root of the current drive (\app).
_absolute(dir) if startswith(dir, "/")

_absolute(dir) if startswith(dir, "$")

_absolute(dir) if startswith(dir, `\`)

_absolute(dir) if regex.match(`^[A-Za-z]:[\\/]`, dir)

# _unquote(s) is s without one pair of surrounding quotes.
_unquote(s) := substring(s, 1, count(s) - 2) if {
	count(s) >= 2
	some q in [`"`, "'"]
	startswith(s, q)
	endswith(s, q)
} else := s

# METADATA
# title: COPY is used instead of ADD
# description: >-
#   ADD does more than copy: it downloads URLs and unpacks local tar
#   archives, so a reader cannot tell from ADD app/ /app what happens, and a
#   file that turns out to be an archive is silently extracted. A URL that
#   ADD fetches without --checksum is trusted as served: a changed or
#   tampered download goes into the image unnoticed. COPY copies only what
#   the build context holds; ADD stays the right tool for a local tar archive
#   to extract, and for a download pinned by --checksum. Every stage counts.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#add
#   - https://docs.docker.com/build/building/best-practices/#add-or-copy
# custom:
#   id: TNT-DKR-IMG-003
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.9"]
#     nist-800-53-r5: ["CM-2", "SI-7"]
#     soc2-2017: ["CC8.1"]
#   remediation: Use COPY for files and directories of the build context. For a download, pin it with ADD --checksum=sha256:<digest> <url> <dest> (or download it in a RUN and verify its checksum or signature there); keep ADD only to extract a local tar archive.
package tenet.docker.image.copy_not_add

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

# Flags of COPY and ADD that take a value. BuildKit wants --flag=value; a
# value written apart (--chown app) is the first argument, not a source.
_valued := {"--chown", "--chmod", "--checksum", "--exclude", "--from"}

# _sources(ins) are the sources of a COPY or ADD: the arguments without the
# flag values written apart and without the destination.
_sources(ins) := array.slice(ins.args, n, count(ins.args) - 1) if {
	n := count([f | some f in ins.flags; f in _valued])
}

# _checksum(ins) is true when the ADD gives a --checksum.
_checksum(ins) if "--checksum" in ins.flags

_checksum(ins) if {
	some f in ins.flags
	startswith(f, "--checksum=")
	f != "--checksum="
}

_remote(src) if regex.match(`^(?i)(https?|git|ssh)://`, src)

# A git repository written scp-style: git@github.com:org/repo.git.
_remote(src) if regex.match(`^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:`, src)

_variable(src) if startswith(src, "$")

_heredoc(src) if startswith(src, "<<")

# A local tar archive, plain or compressed as ADD extracts it.
_archive(src) if regex.match(`(?i)\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz|tzst)$`, src)

_local(src) if {
	not _remote(src)
	not _variable(src)
	not _heredoc(src)
	not _archive(src)
}

_show(src) := sprintf("the heredoc %s", [trim_left(src, "<-")]) if _heredoc(src)

_show(src) := src if not _heredoc(src)

# _redact(url) hides the user and password a URL may carry.
_redact(url) := regex.replace(url, `://[^/@]*@`, "://***@")

_adds contains [s, i, ins] if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "add")
}

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some [s, i, ins] in _adds
	copied := [_show(src) | some src in _sources(ins); _local_or_heredoc(src)]
	count(copied) > 0
	msg := sprintf("ADD copies %s from the build context: COPY would do, without ADD's URL fetching and archive extraction", [concat(", ", copied)])
}

_local_or_heredoc(src) if _local(src)

_local_or_heredoc(src) if _heredoc(src)

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some [s, i, ins] in _adds
	not _checksum(ins)
	some src in _sources(ins)
	_remote(src)
	msg := sprintf("ADD fetches %s without --checksum: a changed or tampered download goes into the image unnoticed", [_redact(src)])
}

unknown contains result.unknown_msg(s, docker.attr(i), msg) if {
	some [s, i, ins] in _adds
	not _checksum(ins)
	some src in _sources(ins)
	_variable(src)
	msg := sprintf("ADD source %s is a build argument: whether it is a local file, an archive or a URL is decided when the image is built", [src])
}

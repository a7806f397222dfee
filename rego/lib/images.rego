# METADATA
# title: Container image reference helpers
# description: >-
#   One reading of an image reference for Kubernetes workloads and Dockerfile
#   FROM lines: the registry host that Docker and containerd infer for a
#   reference without one, and the test of a reference against a list of
#   allowed registries or repository prefixes (parameter allowed_registries).
# scope: package
# custom:
#   library: true
package tenet.lib.images

import rego.v1

# default_registry is the registry of a reference that names none.
default_registry := "docker.io"

# repository(ref) is the repository of image reference ref with its registry
# host, without tag or digest, as the container runtimes resolve it: a first
# path component is a registry host when it holds a "." or a ":" or is
# localhost, otherwise the reference is on docker.io, in library/ when it has
# one component ("nginx:1.27" -> "docker.io/library/nginx"). The host is lower
# case and index.docker.io is written docker.io.
repository(ref) := concat("/", array.concat([_host(parts[0])], array.slice(parts, 1, count(parts)))) if {
	parts := split(_name(ref), "/")
	count(parts) > 1
	_is_host(parts[0])
} else := concat("/", [default_registry, "library", name]) if {
	name := _name(ref)
	not contains(name, "/")
} else := concat("/", [default_registry, _name(ref)])

# registry(ref) is the registry host of image reference ref (see repository).
registry(ref) := split(repository(ref), "/")[0]

# _name(ref) is ref without digest and tag; a ":" before the last "/" is a
# registry port, not a tag.
_name(ref) := regex.replace(split(ref, "@")[0], `:[^:/]*$`, "")

_is_host(c) if contains(c, ".")

_is_host(c) if contains(c, ":")

_is_host("localhost")

_host(h) := default_registry if {
	lower(h) == "index.docker.io"
} else := lower(h)

# allowed(ref, prefixes) holds when the repository of image reference ref
# (see repository) is one of prefixes or lies under one at a "/" boundary:
# "ghcr.io/acme" and "ghcr.io/acme/" allow "ghcr.io/acme/web" but not
# "ghcr.io/acme-labs/web"; a bare host such as "docker.io" allows everything
# on that registry and nothing on "docker.io.example.com". A prefix's host is
# compared in lower case and index.docker.io counts as docker.io; a prefix
# written without a host ("library/") matches nothing, so write "docker.io/library/".
allowed(ref, prefixes) if {
	repo := repository(ref)
	some p in prefixes
	prefix := _prefix(p)
	prefix != ""
	_under(repo, prefix)
}

_under(repo, prefix) if repo == prefix

_under(repo, prefix) if startswith(repo, concat("", [prefix, "/"]))

# _prefix(p) is allowed-list entry p with its host normalised and without a
# trailing "/".
_prefix(p) := concat("/", array.concat([_host(parts[0])], array.slice(parts, 1, count(parts)))) if {
	parts := split(trim_right(trim_space(p), "/"), "/")
}

# METADATA
# title: Package installs avoid extras and clean caches
# description: >-
#   Every package in an image is code to patch and a tool for whoever gets in;
#   apt installs "recommended" packages nobody asked for unless told not to.
#   The package manager's index and download cache left in a layer add tens
#   of megabytes that ship with every pull and go stale at once. A RUN that
#   installs should ask for no extras (apt-get install --no-install-recommends)
#   and leave no cache behind in the same RUN, since a later RUN cannot shrink
#   an earlier layer: apk add --no-cache (or rm -rf /var/cache/apk/*),
#   rm -rf /var/lib/apt/lists/* after apt-get install, yum/dnf clean all,
#   zypper clean; a BuildKit cache or tmpfs mount on the cache directory keeps
#   it out of the layer too. Only the stages the final image is built on are
#   judged: a build stage's packages do not ship.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#apt-get
#   - https://docs.docker.com/build/cache/optimize/#use-cache-mounts
#   - https://avd.aquasec.com/misconfig/ds029
# custom:
#   id: TNT-DKR-IMG-009
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.3"]
#     nist-800-53-r5: ["CM-7"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.4"]
#   remediation: Install and clean in one RUN, e.g. RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*, RUN apk add --no-cache curl, RUN dnf install -y curl && dnf clean all; or mount a cache on the package cache (RUN --mount=type=cache,target=/var/lib/apt/lists ...).
package tenet.docker.image.package_cache

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), concat("", ["RUN: ", concat("; ", sort(problems))])) if {
	some s in docker.stages
	s.address in _shipped
	some [i, ins] in docker.instructions(s, "run")
	argvs := [a | some c in docker.commands(ins); a := docker.argv(c); count(a) > 0]
	problems := (((_apt_extras(s, i, argvs) | _apt_lists(ins, argvs)) | _apk_cache(ins, argvs)) | _rpm_cache(ins, argvs)) | _zypper_cache(ins, argvs)
	count(problems) > 0
}

# apt-get and apt.

_apt_options := {"-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file", "-a", "--host-architecture"}

_apt_install(a) if {
	docker.command_name(a[0]) in {"apt-get", "apt"}
	_operands(a, _apt_options)[0] == "install"
}

_apt_extras(s, i, argvs) := {sprintf("%s install runs without --no-install-recommends", [docker.command_name(a[0])]) |
	some a in argvs
	_apt_install(a)
	not _no_recommends(a)
	not _recommends_off(s, i)
}

_no_recommends(a) if "--no-install-recommends" in a

_no_recommends(a) if {
	some w in a
	regex.match(`^(-o)?APT::Install-Recommends=["']?(false|0|no|off)`, w)
}

# _recommends_off(s, i) is true when an earlier RUN of stage s, or a RUN of
# a stage it is built on, turns recommends off in the apt configuration.
_recommends_off(s, i) if {
	some a in graph.reachable(_graph, {s.address})
	t := _stage_at[a]
	some [j, ins] in docker.instructions(t, "run")
	_before(t, j, s, i)
	regex.match(`APT::Install-Recommends\s+["']?(false|0|no|off)`, docker.script(ins))
}

_before(t, j, s, i) if {
	t.address == s.address
	j < i
}

_before(t, _, s, _) if t.address != s.address

_apt_lists(ins, argvs) := {sprintf("%s install is not followed by rm -rf /var/lib/apt/lists/*", [docker.command_name(a[0])]) |
	some j, a in argvs
	_apt_install(a)
	not _cleaned(ins, argvs, j, ["/var/lib/apt/lists"])
}

_cleans(a) if {
	docker.command_name(a[0]) in {"apt-get", "apt"}
	_operands(a, _apt_options)[0] == "distclean"
}

# apk.

_apk_options := {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"}

# apk add --no-network fetches nothing, so it caches nothing.
_apk_cache(ins, argvs) := {"apk add runs without --no-cache" |
	some j, a in argvs
	docker.command_name(a[0]) == "apk"
	_operands(a, _apk_options)[0] == "add"
	not "--no-cache" in a
	not "--no-network" in a
	not _cleaned(ins, argvs, j, ["/var/cache/apk"])
}

# yum, dnf, microdnf and tdnf.

_rpm_tools := {"yum", "dnf", "microdnf", "tdnf"}

_rpm_options := {"-c", "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "-x", "--exclude", "--setopt", "--repo", "--repoid", "-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--downloaddir", "--destdir", "--repofrompath"}

_rpm_cache_dirs := ["/var/cache/yum", "/var/cache/dnf", "/var/cache/tdnf"]

_rpm_cache(ins, argvs) := {sprintf("%s install is not followed by %s clean all", [docker.command_name(a[0]), docker.command_name(a[0])]) |
	some j, a in argvs
	docker.command_name(a[0]) in _rpm_tools
	_rpm_installs(_operands(a, _rpm_options))
	not _cleaned(ins, argvs, j, _rpm_cache_dirs)
}

_rpm_installs(ops) if ops[0] in {"install", "groupinstall", "localinstall", "reinstall"}

_rpm_installs(ops) if {
	ops[0] in {"group", "groups", "module"}
	ops[1] == "install"
}

_cleans(a) if {
	docker.command_name(a[0]) in _rpm_tools
	ops := _operands(a, _rpm_options)
	ops[0] == "clean"
	"all" in ops
}

# zypper.

_zypper_options := {"-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir", "-r", "--repo", "--from", "-t", "--type"}

_zypper_cache(ins, argvs) := {"zypper install is not followed by zypper clean" |
	some j, a in argvs
	docker.command_name(a[0]) == "zypper"
	_operands(a, _zypper_options)[0] in {"install", "in"}
	not _cleaned(ins, argvs, j, ["/var/cache/zypp"])
}

_cleans(a) if {
	docker.command_name(a[0]) == "zypper"
	_operands(a, _zypper_options)[0] in {"clean", "cc"}
}

# Cleaning.

# _cleaned(ins, argvs, j, dirs) is true when the install at argvs[j] leaves
# no cache in the layer: a later command of the RUN cleans the package
# manager's cache or removes one of dirs, or the RUN mounts a cache or a
# tmpfs on one of them.
_cleaned(_, argvs, j, dirs) if {
	some k, a in argvs
	k > j
	_cleans_dirs(argvs, k, dirs)
}

_cleaned(ins, _, _, dirs) if {
	some f in ins.flags
	startswith(f, "--mount=")
	opts := split(substring(f, 8, -1), ",")
	some t in {"type=cache", "type=tmpfs"}
	t in opts
	some o in opts
	target := regex.find_all_string_submatch_n(`^(?:target|dst|destination)=(.+)$`, o, 1)[0][1]
	some d in dirs
	_covers(target, d)
}

_cleans_dirs(argvs, k, dirs) if {
	a := argvs[k]
	_cleans(a)
	some d in dirs
	_cache_of(docker.command_name(a[0]), d)
}

_cleans_dirs(argvs, k, dirs) if {
	a := argvs[k]
	docker.command_name(a[0]) == "rm"
	some p in _operands(a, set())
	some e in _expand(p)
	some d in dirs
	_covers(_absolute(argvs, k, e), d)
}

# _cache_of(tool, dir) is true when tool's clean command empties dir.
_cache_of("apt-get", "/var/lib/apt/lists")

_cache_of("apt", "/var/lib/apt/lists")

_cache_of("zypper", "/var/cache/zypp")

_cache_of(tool, d) if {
	tool in _rpm_tools
	d in _rpm_cache_dirs
}

# _covers(path, dir) is true when removing (or mounting on) path takes dir
# with it: /var/lib/apt/lists/*, /var/lib/apt/ and /var/lib/apt all cover
# /var/lib/apt/lists.
_covers(path, dir) if {
	q := regex.replace(path, `(/\*|/)+$`, "")
	q != ""
	_prefix(q, dir)
}

_prefix(q, dir) if q == dir

_prefix(q, dir) if startswith(dir, concat("", [q, "/"]))

# _absolute(argvs, k, p) is path p of command k made absolute with the
# directory of the last cd before it (cd /var/lib && rm -rf apt).
_absolute(_, _, p) := p if startswith(p, "/")

_absolute(argvs, k, p) := concat("/", [cds[count(cds) - 1], p]) if {
	not startswith(p, "/")
	cds := [a[1] | some m, a in argvs; m < k; docker.command_name(a[0]) == "cd"; count(a) > 1]
	count(cds) > 0
	startswith(cds[count(cds) - 1], "/")
}

# _expand(p) is path p with one brace list expanded: /var/cache/{yum,dnf}.
_expand(p) := [concat("", [m[1], x, m[3]]) | some x in split(m[2], ",")] if {
	m := regex.find_all_string_submatch_n(`^([^{]*)\{([^}]*)\}(.*)$`, p, 1)[0]
} else := [p]

# _operands(a, options) is the words of argv a after the command word that
# are neither options nor the value of one of options.
_operands(a, options) := [w |
	some i, w in a
	i > 0
	not startswith(w, "-")
	not a[i - 1] in options
]

# Stages: _shipped is the addresses of the final stage and the stages it is
# built on.

_stage_at := {s.address: s | some s in docker.stages}

_by_name := {s.values.name: s.address | some s in docker.stages; s.values.name != ""}

_graph := {s.address: parents |
	some s in docker.stages
	parents := [p | p := _by_name[s.values.from.stage]]
}

_shipped := graph.reachable(_graph, {docker.final.address})

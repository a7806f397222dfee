# METADATA
# title: Image files are not world-writable
# description: >-
#   A file or directory that every user may write (chmod 777, 666, o+w,
#   a+rwx; COPY --chmod=777) lets any process in the container, whatever
#   user it runs as, replace the programs, scripts and configuration the
#   image ships or plant files that a more privileged process then reads or
#   runs: the separation that USER and file ownership give is gone. A
#   shared directory with the sticky bit (chmod 1777, as /tmp has) is
#   exempt: its users cannot remove or rename each other's files. The final
#   image counts, with the stages it is built on and the files it copies
#   from other stages (COPY --from keeps the mode). When the final image's
#   FROM depends on an ARG without a value, what an earlier stage it may
#   name does is reported unknown.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#copy---chmod
#   - https://www.gnu.org/software/coreutils/manual/html_node/Symbolic-Modes.html
# custom:
#   id: TNT-DKR-IMG-014
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-6", "CM-5", "CM-6"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Give files to the user that needs them (COPY --chown=app, chown app) and the narrowest mode (755 for programs and directories, 644 for files, 775 or 770 with a shared group), or add the sticky bit (1777) to a directory that every user must write.
package tenet.docker.image.world_writable

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(ch.i), sprintf("%s makes files writable by every user", [ch.what])) if {
	some s in docker.stages
	s.address in _chain
	some ch in _mode_changes(s)
	_world_writable(ch.mode)
}

deny contains result.fail_attr(s, docker.attr(ch.i), msg) if {
	some s in docker.stages
	not s.address in _chain
	some ch in _mode_changes(s)
	_world_writable(ch.mode)
	some copy in _copied(s, ch)
	msg := sprintf("%s makes files writable by every user, and the final image copies them (%s)", [ch.what, copy])
}

# When the stage the final image starts from has a FROM that depends on an
# ARG without a value, it may name an earlier stage: its mode changes are
# unknown, not failures (those the final image copies fail above).
unknown contains result.unknown_msg(s, docker.attr(ch.i), sprintf("%s makes files writable by every user %s", [ch.what, _if_base(s)])) if {
	some s in _candidates
	some ch in _mode_changes(s)
	_world_writable(ch.mode)
	count(_copied(s, ch)) == 0
}

# _world_writable(mode) is true for a mode that gives others write access
# without the sticky bit.
_world_writable(mode) if {
	v := _octal(mode)
	bits.and(v, 2) != 0
	bits.and(v, 512) == 0 # 01000, the sticky bit
}

_world_writable(mode) if {
	clauses := _symbolic(mode)
	some [who, ops] in clauses
	_others(who)
	some op in ops
	op[0] in {"+", "="}
	contains(op[1], "w")
	not _sticky(clauses)
}

# _others(who) is true when a symbolic clause's who includes others. An
# empty who (chmod +w) is filtered by the umask, 022 in a build, and so
# does not reach others.
_others(who) if contains(who, "o")

_others(who) if contains(who, "a")

_sticky(clauses) if {
	some [_, ops] in clauses
	some op in ops
	op[0] in {"+", "="}
	contains(op[1], "t")
}

# --- Mode changes: shared with no_setuid.rego (candidate for rego/lib/docker.rego).

# _mode_changes(s) is the set of mode changes in stage s: {i, tool, what,
# mode, targets} for chmod, mkdir -m and install -m in RUN (in any command of
# it, find -exec chmod too), and COPY/ADD --chmod (targets: the
# destination).
_mode_changes(s) := ({ch |
	some [i, ins] in docker.instructions(s, "run")
	some c in docker.commands(ins)
	ws := docker.words(c)
	some j, w in ws
	_base(w) == "chmod"
	args := [a | some a in array.slice(ws, j + 1, count(ws)); not startswith(a, "-")]
	count(args) > 0
	ch := {"i": i, "tool": "chmod", "what": concat(" ", array.concat(["RUN"], array.slice(ws, j, count(ws)))), "mode": args[0], "targets": array.slice(args, 1, count(args))}
} | {ch |
	some [i, ins] in docker.instructions(s, "run")
	some c in docker.commands(ins)
	ws := docker.words(c)
	some j, w in ws
	_base(w) in {"mkdir", "install"}
	rest := array.slice(ws, j + 1, count(ws))
	some mode in _mode_option(rest)
	ch := {"i": i, "tool": _base(w), "what": concat(" ", array.concat(["RUN"], array.slice(ws, j, count(ws)))), "mode": mode, "targets": [a | some a in rest; not startswith(a, "-"); a != mode]}
}) | {ch |
	some cmd in {"copy", "add"}
	some [i, ins] in docker.instructions(s, cmd)
	some flag in ins.flags
	startswith(flag, "--chmod=")
	count(ins.args) > 0
	ch := {"i": i, "tool": cmd, "what": sprintf("%s %s", [upper(cmd), flag]), "mode": substring(flag, 8, -1), "targets": [ins.args[count(ins.args) - 1]]}
}

# _mode_option(ws) is the mode of -m MODE, -mMODE, --mode=MODE or --mode
# MODE among the words ws, -m last in a cluster of short options too
# (install -Dm755, mkdir -pm 1777).
_mode_option(ws) := {m |
	some k, w in ws
	regex.match(`^(-[A-Za-z]*m|--mode)$`, w)
	m := ws[k + 1]
} | {m[1] |
	some w in ws
	m := regex.find_all_string_submatch_n(`^(?:-[A-Za-z]*m|--mode=)(.+)$`, w, 1)[0]
}

# _octal(mode) is the value of an octal mode (777, 0644, 1777, 04755).
_octal(mode) := v if {
	regex.match(`^0*[0-7]{1,4}$`, mode)
	digits := array.reverse(split(mode, ""))
	v := sum([bits.lsh(to_number(d), 3 * k) | some k, d in digits])
}

# _symbolic(mode) is the clauses of a symbolic mode (u+x,go-w, a=rwX, +t):
# [who, [[op, perms], ...]] each; undefined when mode is not one.
_symbolic(mode) := clauses if {
	parts := split(mode, ",")
	every p in parts {
		regex.match(`^[ugoa]*([-+=]([rwxXst]*|[ugo]))+$`, p)
	}
	clauses := [[who, ops] |
		some p in parts
		who := regex.find_n(`^[ugoa]*`, p, 1)[0]
		ops := [[substring(o, 0, 1), substring(o, 1, -1)] | some o in regex.find_n(`[-+=][rwxXstugo]*`, p, -1)]
	]
}

# _copied(b, ch) is the set of COPY --from instructions of the final image
# that copy the files of mode change ch of stage b: a source that is the
# target, inside it or holds it. A relative target is resolved against the
# stage's last absolute WORKDIR before it; without one it is not matched.
_copied(b, ch) := {sprintf("COPY --from=%s %s", [from, src]) |
	some t in docker.stages
	t.address in _chain
	some cmd in {"copy", "add"}
	some [_, ins] in docker.instructions(t, cmd)
	some flag in ins.flags
	from := substring(flag, 7, -1)
	startswith(flag, "--from=")
	from in {b.values.name, sprintf("%d", [b.values.index])}
	some src in array.slice(ins.args, 0, count(ins.args) - 1)
	some target in ch.targets
	_overlap(_resolve(b, ch.i, target), _path(src))
}

_resolve(_, _, target) := _path(target) if startswith(target, "/")

_resolve(b, i, target) := _path(concat("/", [dir, target])) if {
	not startswith(target, "/")
	dirs := [d | some k, ins in b.values.instructions; k < i; ins.cmd == "workdir"; d := ins.args[0]]
	count(dirs) > 0
	dir := dirs[count(dirs) - 1]
	startswith(dir, "/")
}

# _path(p) is p made absolute, without ./ steps, a trailing slash or the
# part from a wildcard on.
_path(p) := trim_right(concat("", ["/", trim_left(clean, "/")]), "/") if {
	no_glob := regex.replace(p, `[*?\[].*$`, "")
	clean := regex.replace(regex.replace(no_glob, `(^|/)\.(/|$)`, "$1"), `(^|/)\.(/|$)`, "$1")
}

_overlap(a, b) if a == b

_overlap(a, b) if startswith(b, concat("", [a, "/"]))

_overlap(a, b) if startswith(a, concat("", [b, "/"]))

_overlap("", _)

_overlap(_, "")

# _root is the first stage of the final image: the final stage or the
# earliest stage it is built on.
_root := s if {
	some s in docker.stages
	s.address in _chain
	not s.values.from.stage
}

# _candidates is the set of the named stages before _root, outside the
# final image's chain, when _root's FROM depends on an ARG without a
# value: it may name any of them.
_candidates contains s if {
	docker.base_unknown(_root)
	some s in docker.stages
	s.values.index < _root.values.index
	s.values.name != ""
	not s.address in _chain
}

_if_base(s) := sprintf("if the final image is built on stage %s (its FROM %s depends on an ARG without a value)", [s.values.name, _root.values.from.raw])

# _chain is the set of addresses of the final stage and the stages it is
# built on.
_chain contains a if {
	g := {s.address: [p.address | some p in docker.stages; p.values.name != ""; p.values.name == s.values.from.stage] | some s in docker.stages}
	some a in graph.reachable(g, {docker.final.address})
}

# docker.words(c) is the words of a command, split at any blank and without the
# quotes around them.

_base(w) := b if {
	parts := split(w, "/")
	b := parts[count(parts) - 1]
}

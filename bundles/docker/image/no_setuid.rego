# METADATA
# title: No setuid or setgid bits are added
# description: >-
#   A program with the setuid or setgid bit runs as its owner or group, root
#   for most, whoever starts it: any flaw in it, or in what it loads, lets
#   an unprivileged process in the container become root there, a step
#   towards the host. CIS Docker 4.8 asks images to remove these bits, not
#   add them (chmod u+s, g+s, +s, 4755, 2755, 6755; COPY --chmod=4755).
#   Setgid on a directory only makes new files inherit its group, and is
#   exempt where the Dockerfile shows the target is one (mkdir -m, a path
#   ending in /, or a path the same RUN creates with mkdir). The final image
#   counts, with the stages it is built on and the files it copies from
#   other stages (COPY --from keeps the mode). When the final image's FROM
#   depends on an ARG without a value, what an earlier stage it may name
#   does is reported unknown.
# scope: package
# related_resources:
#   - https://docs.docker.com/reference/dockerfile/#copy---chmod
#   - https://man7.org/linux/man-pages/man2/execve.2.html
# custom:
#   id: TNT-DKR-IMG-019
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.8"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Do not add setuid or setgid bits (755 rather than 4755); give the program the one capability it needs (setcap cap_net_bind_service=+ep) or run it as the user it needs, and strip the bits the base image has (RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +).
package tenet.docker.image.no_setuid

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(ch.i), sprintf("%s adds the %s", [ch.what, _bits(s, ch)])) if {
	some s in docker.stages
	s.address in _chain
	some ch in _mode_changes(s)
	_bits(s, ch)
}

deny contains result.fail_attr(s, docker.attr(ch.i), msg) if {
	some s in docker.stages
	not s.address in _chain
	some ch in _mode_changes(s)
	what := _bits(s, ch)
	some copy in _copied(s, ch)
	msg := sprintf("%s adds the %s, and the final image copies the files (%s)", [ch.what, what, copy])
}

# When the stage the final image starts from has a FROM that depends on an
# ARG without a value, it may name an earlier stage: its mode changes are
# unknown, not failures (those the final image copies fail above).
unknown contains result.unknown_msg(s, docker.attr(ch.i), sprintf("%s adds the %s %s", [ch.what, _bits(s, ch), _if_base(s)])) if {
	some s in _candidates
	some ch in _mode_changes(s)
	_bits(s, ch)
	count(_copied(s, ch)) == 0
}

# _bits(s, ch) names the special bits mode change ch of stage s adds;
# undefined when it adds none, or only setgid to directories.
_bits(s, ch) := "setuid and setgid bits" if {
	_special(ch.mode) == {"setuid", "setgid"}
	not _directories(s, ch)
} else := "setuid bit" if {
	_special(ch.mode) == {"setuid"}
	ch.tool != "mkdir"
} else := "setgid bit" if {
	_special(ch.mode) == {"setgid"}
	not _directories(s, ch)
}

# _special(mode) is the set of special bits ("setuid", "setgid") mode adds.
_special(mode) := {b |
	v := _octal(mode)
	some [bit, b] in [[2048, "setuid"], [1024, "setgid"]] # 04000, 02000
	bits.and(v, bit) != 0
} if _octal(mode)

_special(mode) := {b |
	some [who, ops] in _symbolic(mode)
	some op in ops
	op[0] in {"+", "="}
	contains(op[1], "s")
	some [b, whom] in [["setuid", "u"], ["setgid", "g"]]
	_applies(who, whom)
} if _symbolic(mode)

# _applies(who, whom) is true when a clause's who sets whom's bit: u or g
# itself, a, or an empty who (the umask does not filter s).
_applies("", _)

_applies(who, whom) if contains(who, whom)

_applies(who, _) if contains(who, "a")

# _directories(s, ch) is true when every target of ch is a directory as far
# as the Dockerfile shows: mkdir -m, a path that ends in /, or one that a
# mkdir in the same RUN creates.
_directories(_, ch) if ch.tool == "mkdir"

_directories(s, ch) if {
	ch.tool == "chmod"
	count(ch.targets) > 0
	ins := s.values.instructions[ch.i]
	made := {w |
		some c in docker.commands(ins)
		ws := docker.words(c)
		_base(ws[0]) == "mkdir"
		some w in ws
	}
	every t in ch.targets {
		_directory(t, made)
	}
}

_directory(t, _) if endswith(t, "/")

_directory(t, made) if t in made

# --- Mode changes: shared with world_writable.rego (candidate for rego/lib/docker.rego).

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

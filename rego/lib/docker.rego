# METADATA
# title: Dockerfile helpers
# description: >-
#   Build stages of a Dockerfile (resources of type dockerfile_stage, one per
#   FROM), their instructions with readable attribute paths, the shell text
#   of RUN instructions and the user a stage runs as.
# scope: package
# custom:
#   library: true
package tenet.lib.docker

import rego.v1

# stages is the array of build stages, in file order.
stages := [r | some r in input.resources; r.type == "dockerfile_stage"]

# final is the last stage: the image the Dockerfile builds.
final := r if {
	some r in stages
	r.values.final == true
}

# instructions(r, cmd) is the set of [i, instruction] pairs of stage r whose
# command is cmd (lower case: "run", "user", ...), i its index.
instructions(r, cmd) := {[i, ins] |
	some i, ins in r.values.instructions
	ins.cmd == cmd
}

# attr(i) is the attribute path of instruction i, which points at its line.
attr(i) := sprintf("instructions.%d", [i])

# shells are the command names of POSIX-like shells.
shells := {"sh", "bash", "ash", "dash", "zsh", "ksh"}

# command_name(w) is a command word without its directory: /usr/bin/sudo -> sudo.
command_name(w) := regex.replace(w, `^.*/`, "")

# text(ins) is the command line of a RUN: the script of the exec form
# ["bash", "-o", "pipefail", "-c", script], else its arguments joined.
text(ins) := ins.args[k + 1] if {
	ins.json
	command_name(ins.args[0]) in shells
	k := min({j | some j, a in ins.args; j > 0; regex.match(`^-[a-z]*c$`, a)})
	k + 1 < count(ins.args)
} else := concat(" ", ins.args)

# script(ins) is the shell text of a RUN: its command line and the
# heredocs a shell runs (RUN <<EOF, RUN bash <<EOF; not RUN python3 <<EOF
# nor a file written with cat <<EOF), comment lines dropped and
# continuation lines joined.
script(ins) := regex.replace(
	concat("\n", array.concat(
		[text(ins)],
		[regex.replace(h.content, `(?m)^[ \t]*#.*$`, "") | some h in ins.heredocs; _shell_heredoc(ins, h)],
	)),
	`\\\n`, " ",
)

_shell_heredoc(ins, h) if {
	_shell_head(trim_space(regex.replace(text(ins), `<<.*`, "")))
	not _foreign_shebang(h.content)
}

_shell_head("")

_shell_head(head) if command_name(regex.split(`\s+`, head)[0]) in shells

_foreign_shebang(content) if {
	startswith(content, "#!")
	not regex.match(`^#!.*\b(sh|bash|ash|dash|zsh|ksh)\b`, split(content, "\n")[0])
}

# commands(ins) is the array of simple commands of a RUN, split at &&, ||,
# ;, | and line breaks.
commands(ins) := [c |
	some part in regex.split(`&&|\|\||;|\||\n`, script(ins))
	c := trim_space(part)
	c != ""
]

# words(c) is the words of a simple command, split at any white space,
# without command substitutions, redirections and surrounding quotes.
words(c) := [w |
	some x in regex.split(`\s+`, regex.replace(
		regex.replace(c, "\\$\\([^()]*\\)|`[^`]*`", " "),
		`(^|\s)&?[0-9]*(>>|<<-|<<<|<<|>|<)&?\s*\S+`, " ",
	))
	w := trim(x, `"'`)
	w != ""
]

_keywords := {"if", "then", "else", "elif", "do", "while", "until", "!", "{", "(", "time", "exec", "command", "nohup"}

# _wrappers maps a command that runs the command after it to its options
# that take a value.
_wrappers := {
	"sudo": {"-u", "-g", "-C", "-D", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir", "--prompt", "--role", "--type", "--other-user"},
	"env": {"-u", "--unset", "-C", "--chdir", "-S", "--split-string"},
	"xargs": {"-I", "-n", "-P", "-L", "-s", "-d", "-E", "-a", "--max-args", "--max-procs", "--arg-file", "--delimiter"},
}

# command_index(ws) is the index of the command word of words ws: after variable
# assignments, shell keywords and wrappers with their options.
command_index(ws) := min(s) if {
	s := {i | some i, _ in ws; _command_word(ws, i)}
	count(s) > 0
} else := count(ws)

_command_word(ws, i) if {
	w := ws[i]
	not regex.match(`^[A-Za-z_][A-Za-z0-9_]*=`, w)
	not w in _keywords
	not _wrappers[command_name(w)]
	not startswith(w, "-")
	not _wrapper_option_value(ws, i)
}

_wrapper_option_value(ws, i) if {
	j := max({k | some k, v in ws; k < i; _wrappers[command_name(v)]})
	i > j + 1
	ws[i - 1] in _wrappers[command_name(ws[j])]
}

# argv(c) is the command word of simple command c and its arguments.
argv(c) := array.slice(ws, command_index(ws), count(ws)) if ws := words(c)

# last_user(r) is the argument of the last USER instruction of stage r
# itself; undefined when it has none.
last_user(r) := u if {
	users := [[i, ins] | some i, ins in r.values.instructions; ins.cmd == "user"]
	count(users) > 0
	u := users[count(users) - 1][1].args[0]
}

# _by_name maps a named stage's name to it.
_by_name := {r.values.name: r | some r in stages; r.values.name != ""}

# _parent(r) is the earlier stage that stage r is built on, if any.
_parent(r) := _by_name[r.values.from.stage]

# _graph maps each stage's address to the address of the stage it is built
# on (none for an external image).
_graph := {r.address: [p.address | p := _parent(r)] | some r in stages}

_by_address := {r.address: r | some r in stages}

# chain(r) is stage r and the stages it is built on, nearest first: what
# the image of r inherits (user, healthcheck, environment) comes from them.
chain(r) := [_by_address[a] | some a in longest] if {
	paths := graph.reachable_paths(_graph, {r.address})
	most := max({count(p) | some p in paths})
	longest := [p | some p in paths; count(p) == most][0]
}

# user(r) is the user stage r runs as: its last USER, or that of the stage
# it is built on; undefined when none sets one (the base image decides,
# root for most).
user(r) := u if {
	users := [u | some s in chain(r); u := last_user(s)]
	count(users) > 0
	u := users[0]
}

# root_user(u) is true for a USER argument that means root.
root_user(u) if {
	name := split(u, ":")[0]
	name in {"root", "0"}
}

# base_unknown(r) is true when stage r is built on an image named by a
# build argument without a value: rules on the base image say unknown.
base_unknown(r) if "from.image" in object.get(r, "unknown", [])

# pairs(ins) is the array of [name, value] that an ENV, ARG or LABEL
# assigns (the loader gives name=value; quotes around the value removed);
# an ARG without = has no value and no pair.
pairs(ins) := [[name, _unquote(value)] |
	some a in ins.args
	contains(a, "=")
	name := substring(a, 0, indexof(a, "="))
	value := substring(a, indexof(a, "=") + 1, -1)
]

_unquote(v) := substring(v, 1, count(v) - 2) if {
	count(v) >= 2
	regex.match(`^(".*"|'.*')$`, v)
} else := v

# Mode changes (chmod, mkdir -m, install -m, COPY/ADD --chmod) in the stages
# of the final image, for the rules on file permissions.

# mode_changes(s) is the set of mode changes in stage s: {i, tool, what,
# mode, targets} for chmod, mkdir -m and install -m in RUN (in any command of
# it, find -exec chmod too), and COPY/ADD --chmod (targets: the
# destination).
mode_changes(s) := ({ch |
	some [i, ins] in instructions(s, "run")
	some c in commands(ins)
	ws := words(c)
	some j, w in ws
	_base(w) == "chmod"
	args := [a | some a in array.slice(ws, j + 1, count(ws)); not startswith(a, "-")]
	count(args) > 0
	ch := {"i": i, "tool": "chmod", "what": concat(" ", array.concat(["RUN"], array.slice(ws, j, count(ws)))), "mode": args[0], "targets": array.slice(args, 1, count(args))}
} | {ch |
	some [i, ins] in instructions(s, "run")
	some c in commands(ins)
	ws := words(c)
	some j, w in ws
	_base(w) in {"mkdir", "install"}
	rest := array.slice(ws, j + 1, count(ws))
	some mode in _mode_option(rest)
	ch := {"i": i, "tool": _base(w), "what": concat(" ", array.concat(["RUN"], array.slice(ws, j, count(ws)))), "mode": mode, "targets": [a | some a in rest; not startswith(a, "-"); a != mode]}
}) | {ch |
	some cmd in {"copy", "add"}
	some [i, ins] in instructions(s, cmd)
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

# octal(mode) is the value of an octal mode (777, 0644, 1777, 04755).
octal(mode) := v if {
	regex.match(`^0*[0-7]{1,4}$`, mode)
	digits := array.reverse(split(mode, ""))
	v := sum([bits.lsh(to_number(d), 3 * k) | some k, d in digits])
}

# symbolic(mode) is the clauses of a symbolic mode (u+x,go-w, a=rwX, +t):
# [who, [[op, perms], ...]] each; undefined when mode is not one.
symbolic(mode) := clauses if {
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

# copied_from(b, ch) is the set of COPY --from instructions of the final image
# that copy the files of mode change ch of stage b: a source that is the
# target, inside it or holds it. A relative target is resolved against the
# stage's last absolute WORKDIR before it; without one it is not matched.
copied_from(b, ch) := {sprintf("COPY --from=%s %s", [from, src]) |
	some t in stages
	t.address in shipped
	some cmd in {"copy", "add"}
	some [_, ins] in instructions(t, cmd)
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
	some s in stages
	s.address in shipped
	not s.values.from.stage
}

# candidates is the set of the named stages before _root, outside the
# final image's chain, when _root's FROM depends on an ARG without a
# value: it may name any of them.
candidates contains s if {
	base_unknown(_root)
	some s in stages
	s.values.index < _root.values.index
	s.values.name != ""
	not s.address in shipped
}

# if_base(s) is the clause a message adds for a finding on a candidate
# stage s: the final image is built on it only if the unresolved FROM names it.
if_base(s) := sprintf("if the final image is built on stage %s (its FROM %s depends on an ARG without a value)", [s.values.name, _root.values.from.raw])

# shipped is the set of addresses of the final stage and the stages it is
# built on.
shipped contains a if {
	g := {s.address: [p.address | some p in stages; p.values.name != ""; p.values.name == s.values.from.stage] | some s in stages}
	some a in graph.reachable(g, {final.address})
}

# words(c) is the words of a command, split at any blank and without the
# quotes around them.

_base(w) := b if {
	parts := split(w, "/")
	b := parts[count(parts) - 1]
}

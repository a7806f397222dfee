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

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

# script(ins) is the shell text of a RUN instruction: its arguments (the
# command of the shell form, or the argv of the exec form) and the content
# of its heredocs.
script(ins) := concat("\n", array.concat([concat(" ", ins.args)], [h.content | some h in ins.heredocs]))

# commands(ins) is the array of simple commands of a RUN instruction's
# script: split at &&, ||, ;, | and line breaks, each trimmed.
commands(ins) := [c |
	some part in regex.split(`&&|\|\||;|\||\n`, script(ins))
	c := trim_space(part)
	c != ""
]

# words(cmd) is the array of words of a simple command.
words(cmd) := [w | some w in split(cmd, " "); w != ""]

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

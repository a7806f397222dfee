# METADATA
# title: RUN instructions do not use sudo
# description: >-
#   A build runs as root until a USER instruction says otherwise, so sudo in a
#   RUN is either useless or a sign that the image keeps a sudo set-up (a
#   sudoers entry, often NOPASSWD) that lets its non-root user become root
#   again at run time, which undoes the USER that was meant to drop the
#   privilege. sudo also behaves unpredictably without a terminal. Switch
#   users with USER root before the commands that need root and USER app
#   after them. A package named sudo being installed is not a use.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#user
#   - https://avd.aquasec.com/misconfig/ds010
# custom:
#   id: TNT-DKR-IMG-007
#   severity: high
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Drop sudo from the RUN; put USER root before the instructions that need root and USER app (the image's unprivileged user) after them, and remove any sudoers entry the image adds.
package tenet.docker.image.no_sudo

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN uses sudo: %s", [_short(uses[0])])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	uses := [u | some c in _commands(ins); u := _sudo(c)]
	count(uses) > 0
}

# _sudo(c) is simple command c from its sudo on when it runs through sudo:
# sudo before its command word, not an argument such as apt-get install
# sudo.
_sudo(c) := concat(" ", array.slice(ws, i, count(ws))) if {
	ws := _words(c)
	i := min({j | some j, w in ws; _base(w) == "sudo"})
	i < _start(ws)
}

# _short(c) is command c for a message: white space squeezed, at most 80
# characters.
_short(c) := s if {
	s := regex.replace(c, `\s+`, " ")
	count(s) <= 80
} else := concat("", [substring(regex.replace(c, `\s+`, " "), 0, 77), "..."])

# Shell reading, private to this rule: the same block is in no_sudo,
# package_cache, curl_pipe_shell, no_upgrade and pinned_packages (a
# candidate for rego/lib/docker.rego). docker.commands leaves a heredoc's
# continuation lines apart, runs every heredoc as shell and splits words
# at spaces only, and the command word may follow assignments, keywords
# and wrappers such as sudo, env or xargs.

_shells := {"sh", "bash", "ash", "dash", "zsh", "ksh"}

# _base(w) is a command word without its directory: /usr/bin/sudo -> sudo.
_base(w) := regex.replace(w, `^.*/`, "")

# _text(ins) is the command line of a RUN: the script of the exec form
# ["bash", "-o", "pipefail", "-c", script], else its arguments joined.
_text(ins) := ins.args[k + 1] if {
	ins.json
	_base(ins.args[0]) in _shells
	k := min({j | some j, a in ins.args; j > 0; regex.match(`^-[a-z]*c$`, a)})
	k + 1 < count(ins.args)
} else := concat(" ", ins.args)

# _script(ins) is the shell text of a RUN: its command line and the
# heredocs a shell runs (RUN <<EOF, RUN bash <<EOF; not RUN python3 <<EOF
# nor a file written with cat <<EOF), comment lines dropped and
# continuation lines joined.
_script(ins) := regex.replace(
	concat("\n", array.concat(
		[_text(ins)],
		[regex.replace(h.content, `(?m)^[ \t]*#.*$`, "") | some h in ins.heredocs; _shell_heredoc(ins, h)],
	)),
	`\\\n`, " ",
)

_shell_heredoc(ins, h) if {
	_shell_head(trim_space(regex.replace(_text(ins), `<<.*`, "")))
	not _foreign_shebang(h.content)
}

_shell_head("")

_shell_head(head) if _base(regex.split(`\s+`, head)[0]) in _shells

_foreign_shebang(content) if {
	startswith(content, "#!")
	not regex.match(`^#!.*\b(sh|bash|ash|dash|zsh|ksh)\b`, split(content, "\n")[0])
}

# _commands(ins) is the array of simple commands of a RUN, split at &&, ||,
# ;, | and line breaks.
_commands(ins) := [c |
	some part in regex.split(`&&|\|\||;|\||\n`, _script(ins))
	c := trim_space(part)
	c != ""
]

# _words(c) is the words of a simple command, split at any white space,
# without command substitutions, redirections and surrounding quotes.
_words(c) := [w |
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

# _start(ws) is the index of the command word of words ws: after variable
# assignments, shell keywords and wrappers with their options.
_start(ws) := min(s) if {
	s := {i | some i, _ in ws; _command_word(ws, i)}
	count(s) > 0
} else := count(ws)

_command_word(ws, i) if {
	w := ws[i]
	not regex.match(`^[A-Za-z_][A-Za-z0-9_]*=`, w)
	not w in _keywords
	not _wrappers[_base(w)]
	not startswith(w, "-")
	not _wrapper_option_value(ws, i)
}

_wrapper_option_value(ws, i) if {
	j := max({k | some k, v in ws; k < i; _wrappers[_base(v)]})
	i > j + 1
	ws[i - 1] in _wrappers[_base(ws[j])]
}

# _argv(c) is the command word of simple command c and its arguments.
_argv(c) := array.slice(ws, _start(ws), count(ws)) if ws := _words(c)

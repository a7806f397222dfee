# METADATA
# title: Downloaded scripts are not piped into a shell
# description: >-
#   curl ... | sh runs whatever the server sends at build time, unchecked: a
#   compromised or hijacked download site, a changed installer or a response
#   cut off half way runs as root inside the build, and nothing in the
#   Dockerfile records what ran. Download the script to a file, check it
#   against a known SHA-256 or signature, then run it. The rule looks for curl
#   or wget piped (directly, through tee, or under sudo) into sh, bash, zsh,
#   ash, dash, ksh, python, perl, ruby, node or php reading the script from
#   standard input (sh -s --, bash -), and for bash <(curl ...),
#   sh -c "$(curl ...)" and eval "$(curl ...)". Downloads piped into an
#   interpreter that runs a program of its own (python3 -c "import json ...")
#   are data, not scripts.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#add-or-copy
#   - https://avd.aquasec.com/misconfig/ds014
# custom:
#   id: TNT-DKR-IMG-010
#   severity: medium
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.11"]
#     nist-800-53-r5: ["CM-2", "SI-7", "SI-7(6)"]
#     soc2-2017: ["CC8.1"]
#   remediation: Download the script to a file, verify it, then run it, e.g. RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && echo "<sha256>  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh && rm /tmp/install.sh; better, install the tool from a package or an ADD --checksum download.
package tenet.docker.image.curl_pipe_shell

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN %s", [runs[0]])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	runs := array.concat(_piped(ins), _substituted(ins))
	count(runs) > 0
}

# _piped(ins) is "pipes curl into sh" for each pipeline of a RUN in which a
# download feeds an interpreter that reads its script from standard input.
_piped(ins) := [sprintf("pipes %s into %s", [f, sh]) |
	some p in _pipelines(ins)
	some j, seg in p
	f := _fetcher(seg)
	some k, later in p
	k > j
	sh := _stdin_interpreter(later)
]

# _pipelines(ins) is the pipelines of a RUN, each an array of commands.
_pipelines(ins) := [[trim_left(trim_space(c), "& ") | some c in split(p, "|")] |
	some p in regex.split(`&&|\|\||;|\n`, _script(ins))
]

_fetcher(seg) := b if {
	a := _argv(seg)
	count(a) > 0
	b := _base(a[0])
	b in {"curl", "wget"}
}

# _stdin_interpreter(seg) is the interpreter command seg runs when it reads
# its program from standard input: no inline program (sh -c, python -c,
# perl -e) and no script file other than /dev/stdin, unless sh -s reads it
# anyway.
_stdin_interpreter(seg) := b if {
	a := _argv(seg)
	count(a) > 0
	b := _base(a[0])
	_interpreter(b)
	args := array.slice(a, 1, count(a))
	not _inline_program(b, args)
	not _script_file(b, args)
}

_interpreter(b) if b in _shells

_interpreter(b) if b in {"perl", "ruby", "node", "nodejs", "php"}

_interpreter(b) if regex.match(`^python[0-9.]*$`, b)

_inline_program(b, args) if {
	b in _shells
	some w in args
	regex.match(`^-[A-Za-z]*c[A-Za-z]*$`, w)
}

_inline_program(b, args) if {
	startswith(b, "python")
	some w in args
	regex.match(`^-[A-Za-z]*[cm]$`, w)
}

_inline_program(b, args) if {
	not b in _shells
	not startswith(b, "python")
	some w in args
	regex.match(`^(-[A-Za-z]*[eEpr][A-Za-z]*|--eval|--print)$`, w)
}

# _script_file(b, args) is true when the interpreter's first operand names
# a script other than /dev/stdin (later operands are the script's own).
_script_file(b, args) if {
	operands := [w |
		some k, w in args
		not startswith(w, "-")
		not _after_stdin_marker(args, k)
		not _option_value(b, args, k)
	]
	count(operands) > 0
	operands[0] != "/dev/stdin"
	not _sh_s(b, args)
}

_option_value(b, args, k) if {
	b in _shells
	k > 0
	args[k - 1] in {"-o", "+o", "-O", "+O"}
}

_after_stdin_marker(args, k) if {
	some m, w in args
	m < k
	w in {"-", "--"}
}

_sh_s(b, args) if {
	b in _shells
	some w in args
	regex.match(`^-[A-Za-z]*s[A-Za-z]*$`, w)
}

# _substituted(ins) is "runs the output of curl with bash" for each
# interpreter given a download through process or command substitution:
# bash <(curl ...), sh -c "$(curl ...)", eval "$(wget -qO- ...)".
_substituted(ins) := [sprintf("runs the output of %s with %s", [m[2], m[1]]) |
	some m in regex.find_all_string_submatch_n(_substitution, _script(ins), -1)
]

_substitution := "(?:^|[\\s;&|(])(?:\\S*/)?(sh|bash|ash|dash|zsh|ksh|python[0-9.]*|perl|ruby|node|source|eval|\\.)\\s+(?:-\\S+\\s+)*[\"']?(?:<\\(|\\$\\(|`)\\s*(?:\\S*/)?(curl|wget)\\s"

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

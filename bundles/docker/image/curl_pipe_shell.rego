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
	some p in regex.split(`&&|\|\||;|\n`, docker.script(ins))
]

_fetcher(seg) := b if {
	a := docker.argv(seg)
	count(a) > 0
	b := docker.command_name(a[0])
	b in {"curl", "wget"}
}

# _stdin_interpreter(seg) is the interpreter command seg runs when it reads
# its program from standard input: no inline program (sh -c, python -c,
# perl -e) and no script file other than /dev/stdin, unless sh -s reads it
# anyway.
_stdin_interpreter(seg) := b if {
	a := docker.argv(seg)
	count(a) > 0
	b := docker.command_name(a[0])
	_interpreter(b)
	args := array.slice(a, 1, count(a))
	not _inline_program(b, args)
	not _script_file(b, args)
}

_interpreter(b) if b in docker.shells

_interpreter(b) if b in {"perl", "ruby", "node", "nodejs", "php"}

_interpreter(b) if regex.match(`^python[0-9.]*$`, b)

_inline_program(b, args) if {
	b in docker.shells
	some w in args
	regex.match(`^-[A-Za-z]*c[A-Za-z]*$`, w)
}

_inline_program(b, args) if {
	startswith(b, "python")
	some w in args
	regex.match(`^-[A-Za-z]*[cm]$`, w)
}

_inline_program(b, args) if {
	not b in docker.shells
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
	b in docker.shells
	k > 0
	args[k - 1] in {"-o", "+o", "-O", "+O"}
}

_after_stdin_marker(args, k) if {
	some m, w in args
	m < k
	w in {"-", "--"}
}

_sh_s(b, args) if {
	b in docker.shells
	some w in args
	regex.match(`^-[A-Za-z]*s[A-Za-z]*$`, w)
}

# _substituted(ins) is "runs the output of curl with bash" for each
# interpreter given a download through process or command substitution:
# bash <(curl ...), sh -c "$(curl ...)", eval "$(wget -qO- ...)".
_substituted(ins) := [sprintf("runs the output of %s with %s", [m[2], m[1]]) |
	some m in regex.find_all_string_submatch_n(_substitution, docker.script(ins), -1)
]

_substitution := "(?:^|[\\s;&|(])(?:\\S*/)?(sh|bash|ash|dash|zsh|ksh|python[0-9.]*|perl|ruby|node|source|eval|\\.)\\s+(?:-\\S+\\s+)*[\"']?(?:<\\(|\\$\\(|`)\\s*(?:\\S*/)?(curl|wget)\\s"

# METADATA
# title: Packages are not upgraded wholesale in the build
# description: >-
#   apt-get upgrade, yum update or apk upgrade in a Dockerfile pulls whatever
#   the mirrors hold on the day of the build: two builds of the same commit
#   give different images, a broken or malicious package release enters
#   without any change to review, and the base image's maintainers (who test
#   their updates together) are bypassed. Take updates by rebuilding on an
#   updated base image (pinned by digest and bumped by Renovate or Dependabot);
#   upgrading a named package (yum update openssl, apk upgrade libssl3) is a
#   targeted fix and does not count.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/best-practices/#rebuild-your-images
#   - https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: TNT-DKR-IMG-012
#   severity: low
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     nist-800-53-r5: ["CM-2"]
#     soc2-2017: ["CC8.1"]
#   remediation: Remove the upgrade from the RUN and rebuild on an updated base image instead (pin FROM by digest and let Renovate or Dependabot bump it); if one package needs a fix the base lacks, upgrade or install that package by name and version.
package tenet.docker.image.no_upgrade

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN upgrades every installed package: %s", [_short(upgrades[0])])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	upgrades := [concat(" ", a) | some c in _commands(ins); a := _argv(c); _upgrades_all(a)]
	count(upgrades) > 0
}

_apt_options := {"-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file", "-a", "--host-architecture"}

_upgrades_all(a) if {
	_base(a[0]) in {"apt-get", "apt", "aptitude"}
	_operands(a, _apt_options)[0] in {"upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade"}
}

_rpm_options := {"-c", "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "-x", "--exclude", "--setopt", "--repo", "--repoid", "-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--downloaddir", "--destdir", "--repofrompath", "--advisory", "--advisories", "--cve", "--cves", "--bz", "--sec-severity", "--secseverity"}

# yum, dnf, microdnf and tdnf update every package when given no package.
_upgrades_all(a) if {
	_base(a[0]) in {"yum", "dnf", "microdnf", "tdnf"}
	ops := _operands(a, _rpm_options)
	ops[0] in {"update", "upgrade", "upgrade-minimal", "update-minimal", "distro-sync", "distribution-synchronization"}
	count(ops) == 1
}

_apk_options := {"-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"}

_upgrades_all(a) if {
	_base(a[0]) == "apk"
	ops := _operands(a, _apk_options)
	ops[0] == "upgrade"
	count(ops) == 1
}

_zypper_options := {"-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir", "-r", "--repo", "--from", "-t", "--type"}

_upgrades_all(a) if {
	_base(a[0]) == "zypper"
	ops := _operands(a, _zypper_options)
	ops[0] in {"up", "update", "dup", "dist-upgrade"}
	count(ops) == 1
}

# _operands(a, options) is the words of argv a after the command word that
# are neither options nor the value of one of options.
_operands(a, options) := [w |
	some i, w in a
	i > 0
	not startswith(w, "-")
	not a[i - 1] in options
]

# _short(c) is command c for a message: at most 80 characters.
_short(c) := c if count(c) <= 80

_short(c) := concat("", [substring(c, 0, 77), "..."]) if count(c) > 80

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

# METADATA
# title: Downloads verify TLS certificates
# description: >-
#   A download that does not verify the server's certificate (curl -k, wget
#   --no-check-certificate, pip --trusted-host, npm strict-ssl false, git
#   http.sslVerify false, GIT_SSL_NO_VERIFY, NODE_TLS_REJECT_UNAUTHORIZED=0)
#   accepts any server that answers: whoever sits on the network path
#   between the builder and the registry can hand the build a package or
#   script of their own, which then runs in the image. Set with ENV, the
#   setting also stays in the image and turns verification off for the
#   application's own connections. Every stage counts: what a build stage
#   fetches ends up in what it builds.
# scope: package
# related_resources:
#   - https://curl.se/docs/manpage.html#-k
#   - https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host
#   - https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl
#   - https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify
#   - https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue
#   - https://github.com/psf/requests/issues/6071
# custom:
#   id: TNT-DKR-IMG-015
#   severity: high
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.11"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-23", "SI-7"]
#     soc2-2017: ["CC6.7", "CC8.1"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Remove the option or variable that turns verification off; when a private registry or proxy uses its own certificate authority, add that CA to the image's trust store (COPY it to /usr/local/share/ca-certificates/ and RUN update-ca-certificates) or point the tool at it (curl --cacert, PIP_CERT, npm cafile, NODE_EXTRA_CA_CERTS, git http.sslCAInfo).
package tenet.docker.image.tls_verification

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

deny contains result.fail_attr(s, docker.attr(i), sprintf("RUN %s", [why])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	some why in _run_insecure(ins)
}

deny contains result.fail_attr(s, docker.attr(i), sprintf("%s sets %s=%s: %s", [upper(cmd), name, value, why])) if {
	some s in docker.stages
	some cmd in {"env", "arg"}
	some [i, ins] in docker.instructions(s, cmd)
	some [name, value] in docker.pairs(ins)
	why := _insecure_env(name, value)
}

deny contains result.fail_attr(s, docker.attr(i), sprintf("COPY writes %s", [why])) if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "copy")
	some h in ins.heredocs
	some why in _config_text(h.content)
}

# _run_insecure(ins) is the set of reasons RUN instruction ins downloads
# without verifying certificates.
_run_insecure(ins) := {why |
	some c in docker.commands(ins)
	some why in _command_insecure(_words(c))
} | _config_text(docker.script(ins))

# _command_insecure(ws) is the set of reasons command ws skips verification:
# its options and the variables it sets (NAME=value before a program or
# after export).
_command_insecure(ws) := ((((_curl(ws) | _wget(ws)) | _hosts(ws)) | _npm(ws)) | _powershell(ws)) | _assignments(ws)

_curl(ws) := {sprintf("curl %s skips certificate verification", [w]) |
	some j, prog in ws
	_program(prog) == "curl"
	some w in array.slice(ws, j + 1, count(ws))
	_curl_insecure(w)
}

_wget(ws) := {"wget --no-check-certificate skips certificate verification" |
	some j, prog in ws
	_program(prog) == "wget"
	"--no-check-certificate" in array.slice(ws, j + 1, count(ws))
}

_hosts(ws) := {sprintf("%s %s: %s", [flag, host, why]) |
	some k, _ in ws
	some flag, why in _host_options
	host := _option_value(ws, k, flag)
}

_npm(ws) := {"--no-strict-ssl: npm skips certificate verification" | "--no-strict-ssl" in ws}

_powershell(ws) := {sprintf("%s -SkipCertificateCheck skips certificate verification", [prog]) |
	some j, prog in ws
	lower(prog) in {"invoke-webrequest", "iwr", "invoke-restmethod", "irm"}
	some w in array.slice(ws, j + 1, count(ws))
	lower(w) == "-skipcertificatecheck"
}

_assignments(ws) := {sprintf("sets %s=%s: %s", [name, value, why]) |
	some w in ws
	[_, name, value] := regex.find_all_string_submatch_n(`^([A-Za-z_][A-Za-z0-9_]*)=(.*)$`, w, 1)[0]
	why := _insecure_env(name, value)
}

# _host_options are the options that trust a host without verifying its
# certificate.
_host_options := {
	"--trusted-host": "pip trusts the host without verifying its certificate",
	"--allow-insecure-host": "uv trusts the host without verifying its certificate",
}

# _option_value(ws, k, flag) is the value of flag given as word k of ws, as
# --flag=value or --flag value.
_option_value(ws, k, flag) := ws[k + 1] if {
	ws[k] == flag
	k + 1 < count(ws)
} else := substring(ws[k], count(flag) + 1, -1) if {
	startswith(ws[k], concat("", [flag, "="]))
}

# _curl_insecure(w) is true for curl's --insecure and --proxy-insecure,
# and for -k alone or in a cluster of short options before any that takes
# a value (-fsSLk, -ksSo file; not -o k).
_curl_insecure(w) if w in {"--insecure", "--proxy-insecure"}

_curl_insecure(w) if {
	not startswith(w, "--")
	m := regex.find_all_string_submatch_n(`^-([^AbcCdDeEFHKmoPQrtTuUwxXyYz]*)`, w, 1)[0]
	contains(m[1], "k")
}

# _insecure_env(name, value) says what setting variable name to value
# turns off; undefined for a harmless setting.
_insecure_env("GIT_SSL_NO_VERIFY", _) := "git skips certificate verification (any value)"

_insecure_env("NODE_TLS_REJECT_UNAUTHORIZED", "0") := "Node.js skips certificate verification"

_insecure_env("PYTHONHTTPSVERIFY", "0") := "Python builds that honour PEP 493 skip certificate verification"

_insecure_env("CURL_CA_BUNDLE", "") := "Python requests before 2.28 skips certificate verification"

_insecure_env(name, value) := "npm skips certificate verification" if {
	lower(name) == "npm_config_strict_ssl"
	lower(value) in {"false", "0"}
}

_insecure_env("YARN_ENABLE_STRICT_SSL", value) := "yarn skips certificate verification" if {
	lower(value) in {"false", "0"}
}

_insecure_env("PIP_TRUSTED_HOST", value) := "pip trusts the hosts without verifying their certificates" if value != ""

_insecure_env("UV_INSECURE_HOST", value) := "uv trusts the hosts without verifying their certificates" if value != ""

# _config_text(text) is the set of settings in text (a script, or a file a
# heredoc writes) that turn verification off: npm, yarn and pnpm
# strict-ssl, Yarn 2+ enableStrictSsl, git and yum/dnf sslVerify, conda
# ssl_verify, wget check_certificate, a .NET certificate callback that
# accepts all, and trusted-host in pip's configuration.
_config_text(text) := {why |
	some [pattern, why] in _config_patterns
	regex.match(pattern, text)
}

_config_patterns := [
	[`(?i)\bstrict-ssl["']?(\s*=\s*|\s+)["']?false\b`, "strict-ssl false: npm, yarn and pnpm skip certificate verification"],
	[`(?i)\benableStrictSsl["']?(\s*[:=]\s*|\s+)["']?false\b`, "enableStrictSsl false: yarn skips certificate verification"],
	[`(?i)\bsslverify["']?(\s*=\s*|\s+)["']?(false|no|off|0)\b`, "sslVerify false: git (or yum and dnf) skips certificate verification"],
	[`(?i)\bssl_verify["']?(\s*[:=]\s*|\s+)["']?(false|no|0)\b`, "ssl_verify false: conda skips certificate verification"],
	[`(?i)\bcheck_certificate\s*=\s*(off|no|0|false)\b`, "check_certificate off: wget skips certificate verification"],
	[`(?i)ServerCertificateValidationCallback\s*=\s*\{\s*\$true\s*\}`, "ServerCertificateValidationCallback = {$true}: .NET and PowerShell accept any certificate"],
	[`(?i)(^|[^-\w]|\\n)(global\.|install\.)?trusted-host(\s*=\s*|\s+)[^\s=-]`, "trusted-host: pip trusts a host without verifying its certificate"],
]

# _words(c) is the words of c split at any white space, quotes removed;
# unlike docker.words it keeps command substitutions, where downloads
# often hide ($(curl -k ...)).
_words(c) := [trim(w, `"'`) | some w in regex.split(`\s+`, c); w != ""]

# _program(w) is the program a word names: its base name, after a command
# substitution's opening ($(curl, `wget), without .exe (curl.exe on
# Windows).
_program(w) := trim_suffix(lower(_base(regex.replace(w, "^.*[(`]", ""))), ".exe")

# _words(c) is the words of a command, split at any blank and without the
# quotes around them.

_base(w) := b if {
	parts := split(w, "/")
	b := parts[count(parts) - 1]
}

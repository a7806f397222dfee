# METADATA
# title: No secrets are baked into the image
# description: >-
#   Whatever a Dockerfile writes into an image stays there for anyone who can
#   pull it: ENV values are in the image's configuration (docker inspect),
#   ARG values and RUN command lines in its history (docker history), and a
#   file that COPY or ADD brings in stays in its layer even when a later RUN
#   deletes it. A password, token or private key written there is shared
#   with every registry, cache and person that gets the image, and cannot
#   be rotated without rebuilding it. Every stage counts: build stages are
#   cached and pushed too, and the Dockerfile itself sits in the repository.
#   Values that only name where a secret is (PASSWORD_FILE=/run/secrets/db,
#   TOKEN_URL=https://...) or take it from a build argument ($NPM_TOKEN)
#   are not secrets; the message names the variable or file, never the
#   value.
# scope: package
# related_resources:
#   - https://docs.docker.com/build/building/secrets/
#   - https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/
# custom:
#   id: TNT-DKR-IMG-006
#   severity: critical
#   input:
#     selector:
#       - type: dockerfile
#         resource_types: [dockerfile_stage]
#   controls:
#     cis-docker-1.6.0: ["4.10"]
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove the value and rotate it. Pass secrets to the build with RUN --mount=type=secret,id=npmrc,target=/root/.npmrc (docker build --secret id=npmrc,src=.npmrc) or RUN --mount=type=ssh, and to the container at run time through the orchestrator's secrets (files under /run/secrets or environment set by the runtime); keep key and credential files out of the build context with .dockerignore.
package tenet.docker.image.no_secrets

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.result

# --- ENV and ARG ---

_assignments contains [s, i, ins, name, value] if {
	some s in docker.stages
	some i, ins in s.values.instructions
	ins.cmd in {"env", "arg"}
	some [name, value] in docker.pairs(ins)
}

# _literal(v) is true for a value written in the Dockerfile: not empty and
# not taken from another variable.
_literal(v) if {
	trim_space(v) != ""
	not regex.match(`\$(\{)?[A-Za-z_]`, v)
}

# Words a secret's name ends with (DB_PASSWORD, GITHUB_TOKEN, CLIENT_SECRET,
# MYSQL_PWD), and pairs of words (X_API_KEY, SSH_PRIVATE_KEY).
_secret_words := {"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "PRIVATEKEY", "PWD"}

_secret_pairs := {"APIKEY", "PRIVATEKEY", "AUTHKEY", "ENCRYPTIONKEY", "MASTERKEY"}

# Last words of names that say where or how a secret is, not what it is.
_not_secret := {
	"FILE", "FILES", "PATH", "DIR", "DIRECTORY", "URL", "URI", "ENDPOINT", "HOST", "HOSTNAME", "PORT",
	"USER", "USERNAME", "NAME", "TYPE", "LENGTH", "LEN", "SIZE", "TTL", "TIMEOUT", "HEADER", "ENABLED",
	"DISABLED", "REQUIRED", "EXPIRY", "EXPIRES", "EXPIRATION", "LIFETIME", "AGE", "VERSION", "MODE",
	"METHOD", "FORMAT", "ALGORITHM", "ALG", "PROVIDER", "ISSUER", "AUDIENCE", "SCOPE", "SCOPES",
	"REGION", "LOCATION", "PREFIX", "FIELD", "POLICY", "COMMAND", "CMD", "SOCK", "SOCKET",
}

_secret_name(name) if {
	words := regex.split(`[_.-]+`, upper(name))
	not words[count(words) - 1] in _not_secret
	not upper(name) in {"PWD", "OLDPWD"}
	_secret_words_in(words)
}

_secret_words_in(words) if {
	some w in words
	some s in _secret_words
	regex.match(sprintf("%sS?$", [s]), w)
}

_secret_words_in(words) if {
	some m in numbers.range(0, count(words) - 2)
	concat("", [words[m], words[m + 1]]) in _secret_pairs
}

_secret_words_in(words) if "PASS" in words

# Values that cannot be a secret: switches, paths, and URLs without a
# password.
_harmless(v) if lower(v) in {"true", "false", "yes", "no", "on", "off", "none", "null", "nil", "0", "1"}

_harmless(v) if regex.match(`^(/|~/|\./|[A-Za-z]:\\)`, v)

_harmless(v) if {
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://`, v)
	not _pattern(v, "a URL with a password")
}

_named(name, value) if {
	_secret_name(name)
	_literal(value)
	not _harmless(value)
}

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some [s, i, ins, name, value] in _assignments
	_named(name, value)
	msg := sprintf("%s %s is set to a literal value: it is readable in the image's %s", [upper(ins.cmd), name, _where[ins.cmd]])
}

_where := {"env": "configuration (docker inspect)", "arg": "history (docker history)"}

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some [s, i, ins, name, value] in _assignments
	not _named(name, value)
	some kind in _kinds
	_pattern(value, kind)
	msg := sprintf("%s %s holds what looks like %s", [upper(ins.cmd), name, kind])
}

# --- credential patterns, in any value, RUN command or heredoc ---

_patterns := {
	"an AWS access key id": `\b(AKIA|ASIA)[0-9A-Z]{16}\b`,
	"a GitHub token": `\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})`,
	"a GitLab token": `\bglpat-[A-Za-z0-9_-]{20,}`,
	"a Slack token": `\bxox[baprs]-[A-Za-z0-9-]{10,}`,
	"a Slack webhook URL": `hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+`,
	"a private key": `-----BEGIN[A-Z ]*PRIVATE KEY( BLOCK)?-----`,
	"a Stripe secret key": `\b[rs]k_live_[0-9A-Za-z]{20,}`,
	"a Google API key": `\bAIza[0-9A-Za-z_-]{35}`,
	"an npm token": `\bnpm_[A-Za-z0-9]{36}\b`,
}

_kinds := {k | some k, _ in _patterns} | {"a URL with a password"}

_pattern(text, kind) if regex.match(_patterns[kind], text)

# A URL whose user part has a password: postgres://app:s3cret@db/app. A
# password taken from a variable ($TOKEN) is not a literal, and an image
# reference with a tag and a digest (docker://alpine:3.20@sha256:...) is not
# a URL with a password.
_pattern(text, "a URL with a password") if {
	some m in regex.find_all_string_submatch_n(`[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@$]*:[^/\s@$]+@(\S*)`, text, -1)
	not startswith(m[1], "sha256:")
}

_texts contains [s, i, ins, text] if {
	some s in docker.stages
	some [i, ins] in docker.instructions(s, "run")
	text := docker.script(ins)
}

_texts contains [s, i, ins, h.content] if {
	some s in docker.stages
	some i, ins in s.values.instructions
	ins.cmd in {"copy", "add"}
	some h in ins.heredocs
}

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some [s, i, ins, text] in _texts
	some kind in ({k | some k, _ in _patterns} | {"a URL with a password"})
	_pattern(text, kind)
	msg := sprintf("%s %s what looks like %s", [upper(ins.cmd), _verb[ins.cmd], kind])
}

_verb := {"run": "contains", "copy": "writes", "add": "writes"}

# --- key and credential files ---

# Flags of COPY and ADD that take a value: one written apart (--chown app)
# is the first argument.
_valued := {"--chown", "--chmod", "--checksum", "--exclude", "--from"}

_paths(ins) := array.slice(ins.args, n, count(ins.args)) if {
	n := count([f | some f in ins.flags; f in _valued])
}

_base(path) := lower(parts[count(parts) - 1]) if {
	parts := regex.split(`[/\\]+`, trim_right(path, `/\`))
}

_secret_files := {
	".env", ".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", "credentials", ".credentials",
	"credentials.json", ".dockercfg", ".pgpass", ".htpasswd", ".ssh", ".aws", ".gnupg",
}

_secret_file(path) if _base(path) in _secret_files

# .env.production, not .env.example.
_secret_file(path) if {
	regex.match(`^\.env\.`, _base(path))
	not regex.match(`\.(example|sample|template|tpl|dist|defaults?|schema)$`, _base(path))
}

_secret_file(path) if {
	regex.match(`^id_(rsa|dsa|ecdsa|ed25519)([._-].*)?$`, _base(path))
	not endswith(_base(path), ".pub")
}

_secret_file(path) if regex.match(`\.(p12|pfx|ppk)$`, _base(path))

# A .pem is a private key unless it is named as a certificate.
_secret_file(path) if {
	endswith(_base(path), ".pem")
	regex.match(`key|priv`, _base(path))
}

_secret_file(path) if {
	endswith(_base(path), ".pem")
	not regex.match(`key|priv`, _base(path))
	not regex.match(`cert|chain|bundle|pub|trust|root|(^|[/._-])ca([/._-]|$)`, lower(path))
}

# A .key is a private key unless it is a package signing (public) key.
_secret_file(path) if {
	endswith(_base(path), ".key")
	not regex.match(`gpg|pgp|pub|release|apt|repo|keyring|archive`, _base(path))
}

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some s in docker.stages
	some i, ins in s.values.instructions
	ins.cmd in {"copy", "add"}
	paths := _paths(ins)
	some src in array.slice(paths, 0, count(paths) - 1)
	_secret_file(src)
	msg := sprintf("%s brings %s into the image: it stays in the layer even if a later RUN deletes it", [upper(ins.cmd), src])
}

deny contains result.fail_attr(s, docker.attr(i), msg) if {
	some s in docker.stages
	some i, ins in s.values.instructions
	ins.cmd in {"copy", "add"}
	paths := _paths(ins)
	dest := paths[count(paths) - 1]
	not endswith(dest, "/")
	_secret_file(dest)
	not _secret_source(ins)
	msg := sprintf("%s writes %s into the image: it stays in the layer even if a later RUN deletes it", [upper(ins.cmd), dest])
}

_secret_source(ins) if {
	paths := _paths(ins)
	some src in array.slice(paths, 0, count(paths) - 1)
	_secret_file(src)
}

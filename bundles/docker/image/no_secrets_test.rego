package tenet.docker.image.no_secrets_test

import rego.v1

import data.tenet.docker.image.no_secrets
import data.tenet.lib.fixtures

_deny(instructions) := d if {
	d := no_secrets.deny with input as fixtures.dockerfile([fixtures.stage("", "node:22-bookworm-slim", instructions)])
}

# _env(pairs) is an ENV instruction as BuildKit gives it: name, value and
# separator for each pair.
_env(pairs) := fixtures.ins("ENV", [sprintf("%s=%s", [p[0], p[1]]) | some p in pairs])

# Values that look like credentials, built from parts so that secret
# scanners do not flag this file.
_aws_key := concat("", ["AKIA", "IOSFODNN7", "EXAMPLE"])

_github_token := concat("", ["ghp", "_", "16C7e42F292c6912E7710c838347Ae178B4a"])

_key_header := concat("", ["-----BEGIN ", "OPENSSH PRIVATE KEY-----"])

test_allow_official_python_image if {
	# docker-library/python sets GPG_KEY to the release manager's public key
	# fingerprint, in the legacy ENV form.
	count(_deny([
		fixtures.ins("ENV", ["PATH=/usr/local/bin:$PATH"]),
		fixtures.ins("ENV", ["GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305"]),
		fixtures.ins("ENV", ["PYTHON_SHA256=c08bc65a81971c1dd5783182826503369466c7e67374d1646519adf05207b684"]),
		fixtures.ins("RUN", [`gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"`]),
	])) == 0
}

test_allow_references_and_locations if {
	count(_deny([
		fixtures.ins("ARG", ["NPM_TOKEN"]),
		fixtures.ins("ARG", ["GITHUB_TOKEN=\"\""]),
		_env([
			["NPM_TOKEN", "${NPM_TOKEN}"],
			["DB_PASSWORD", "$DB_PASSWORD"],
			["POSTGRES_PASSWORD_FILE", "/run/secrets/postgres_password"],
			["JWT_SECRET", "/run/secrets/jwt"],
			["TOKEN_URL", "https://auth.example.com/oauth/token"],
			["OIDC_CLIENT_SECRET_PATH", "/etc/oidc/secret"],
			["SESSION_TOKEN_TTL", "3600"],
			["PASSWORD_MIN_LENGTH", "12"],
		]),
		fixtures.ins("RUN", [`--mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`]),
		fixtures.ins("RUN", [`git clone https://oauth2:${GITLAB_TOKEN}@gitlab.example.com/team/app.git`]),
	])) == 0
}

test_allow_switches_and_lookalike_names if {
	count(_deny([
		_env([
			["TOKENIZERS_PARALLELISM", "false"],
			["MYSQL_ALLOW_EMPTY_PASSWORD", "yes"],
			["MYSQL_RANDOM_ROOT_PASSWORD", "1"],
			["PASSWORDLESS_LOGIN", "enabled"],
			["PWD", "/app"],
			["COMPASS_HOME", "/opt/compass"],
		]),
		fixtures.ins("ARG", ["BYPASS_CACHE=1"]),
	])) == 0
}

test_allow_certificates_and_public_keys if {
	count(_deny([
		fixtures.ins("COPY", ["certs/ca.pem", "/usr/local/share/ca-certificates/ca.crt"]),
		fixtures.ins("COPY", ["global-bundle.pem", "fullchain.pem", "/etc/ssl/"]),
		fixtures.ins("COPY", ["nodesource.gpg.key", "/etc/apt/keyrings/"]),
		fixtures.ins("COPY", ["id_ed25519.pub", "/home/app/.ssh/authorized_keys"]),
		fixtures.ins("COPY", [".env.example", "/app/"]),
		fixtures.ins("COPY", ["package.json", "package-lock.json", "./"]),
	])) == 0
}

test_deny_password_in_env_at_its_line if {
	d := _deny([fixtures.ins("WORKDIR", ["/app"]), _env([["NODE_ENV", "production"], ["DB_PASSWORD", "hunter2"]])])
	d == {{"msg": "ENV DB_PASSWORD is set to a literal value: it is readable in the image's configuration (docker inspect)", "resource": "stage.0", "attribute": "instructions.1"}}
}

test_deny_legacy_env_form if {
	d := _deny([fixtures.ins("ENV", ["MYSQL_ROOT_PASSWORD=my secret pw"])])
	some f in d
	f.msg == "ENV MYSQL_ROOT_PASSWORD is set to a literal value: it is readable in the image's configuration (docker inspect)"
}

test_deny_arg_with_a_default if {
	d := _deny([fixtures.ins("ARG", ["VERSION=1.2.3", "api_key=\"sk-test-4eC39HqLyjWDarjtT1zdp7dc\""])])
	some f in d
	f.msg == "ARG api_key is set to a literal value: it is readable in the image's history (docker history)"
	count(d) == 1
}

test_deny_names_of_secrets if {
	d := _deny([_env([
		["GITHUB_TOKEN", "abc123def456"],
		["AWS_SECRET_ACCESS_KEY", concat("/", ["wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYEXAMPLEKEY"])],
		["SECRET_KEY_BASE", "d0c5f1e6a7b8"],
		["X_API_KEY", "0123456789abcdef"],
		["SSH_PRIVATE_KEY", "dummy"],
		["SMTP_PASS", "mailpass"],
		["dbPassword", "changeme"],
	])])
	count(d) == 7
}

test_deny_credential_values_under_any_name if {
	d := _deny([
		_env([["GH", _github_token]]),
		fixtures.ins("ARG", [concat("", ["AWS_ACCESS_KEY_ID=", _aws_key])]),
		_env([["PIP_INDEX_URL", "https://deploy:pa55word@pypi.example.com/simple"]]),
	])
	{f.msg | some f in d} == {
		"ENV GH holds what looks like a GitHub token",
		"ARG AWS_ACCESS_KEY_ID holds what looks like an AWS access key id",
		"ENV PIP_INDEX_URL holds what looks like a URL with a password",
	}
}

test_deny_message_never_shows_the_value if {
	d := _deny([_env([["GH", _github_token], ["REDIS_PASSWORD", "hunter2"]])])
	count(d) == 2
	every f in d {
		not contains(f.msg, _github_token)
		not contains(f.msg, "hunter2")
	}
}

test_deny_credentials_in_run if {
	d := _deny([
		fixtures.ins("RUN", [concat("", ["git config --global url.\"https://", _github_token, "@github.com/\".insteadOf \"https://github.com/\""])]),
		fixtures.heredoc("RUN", concat("", ["mkdir -p /root/.ssh\ncat > /root/.ssh/id_ed25519 <<KEY\n", _key_header, "\nb3BlbnNzaC1rZXktdjEAAAAA\nKEY\n"])),
	])
	{[f.attribute, f.msg] | some f in d} == {
		["instructions.0", "RUN contains what looks like a GitHub token"],
		["instructions.1", "RUN contains what looks like a private key"],
	}
}

test_allow_image_reference_with_digest_is_not_a_password if {
	count(_deny([fixtures.ins("RUN", ["skopeo copy docker://alpine:3.20@sha256:beefdead oci:/tmp/alpine"])])) == 0
}

test_deny_key_and_credential_files if {
	d := _deny([
		fixtures.ins("COPY", ["id_rsa", "/root/.ssh/"]),
		fixtures.ins_flags("COPY", ["--chown=node:node"], [".npmrc", "package.json", "./"]),
		fixtures.ins("COPY", [".env", "/app/.env"]),
		fixtures.ins("ADD", ["certs/server-key.pem", "/etc/nginx/"]),
		fixtures.ins_exec("COPY", ["aws/credentials", "/root/.aws/credentials"]),
		fixtures.ins("COPY", ["tls.key", "/etc/ssl/private/"]),
		fixtures.ins("COPY", [".env.production", "/app/"]),
	])
	{f.attribute | some f in d} == {"instructions.0", "instructions.1", "instructions.2", "instructions.3", "instructions.4", "instructions.5", "instructions.6"}
	some f in d
	f.msg == "COPY brings .npmrc into the image: it stays in the layer even if a later RUN deletes it"
}

test_deny_file_renamed_to_a_key if {
	d := _deny([fixtures.ins("COPY", ["deploy_key", "/root/.ssh/id_ed25519"])])
	d == {{"msg": "COPY writes /root/.ssh/id_ed25519 into the image: it stays in the layer even if a later RUN deletes it", "resource": "stage.0", "attribute": "instructions.0"}}
}

test_deny_flag_value_written_apart if {
	d := _deny([fixtures.ins_flags("COPY", ["--chown"], ["app:app", ".pypirc", "/home/app/"])])
	{f.msg | some f in d} == {"COPY brings .pypirc into the image: it stays in the layer even if a later RUN deletes it"}
}

test_deny_in_a_build_stage_and_from_a_stage if {
	d := no_secrets.deny with input as fixtures.dockerfile([
		fixtures.stage("build", "golang:1.23", [fixtures.ins("COPY", ["id_ed25519", "/root/.ssh/id_ed25519"])]),
		fixtures.stage("", "gcr.io/distroless/static-debian12", [fixtures.ins_flags("COPY", ["--from=build"], ["/root/.ssh/id_ed25519", "/home/nonroot/.ssh/"])]),
	])
	{f.resource | some f in d} == {"stage.build", "stage.1"}
}

test_deny_heredoc_copy_with_a_private_key if {
	ins := object.union(fixtures.heredoc("COPY", concat("", [_key_header, "\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"])), {"args": ["<<EOF", "/etc/app/signing.pem"]})
	{f.msg | some f in _deny([ins])} == {
		"COPY writes what looks like a private key",
		"COPY writes /etc/app/signing.pem into the image: it stays in the layer even if a later RUN deletes it",
	}
}

test_deny_env_as_name_value_words if {
	# ENV written as the fixtures write ARG, one name=value word a pair.
	d := _deny([fixtures.ins("ENV", ["NODE_ENV=production", "SONAR_TOKEN=squ_4e2f0b9c1d"])])
	{f.msg | some f in d} == {"ENV SONAR_TOKEN is set to a literal value: it is readable in the image's configuration (docker inspect)"}
}

package tenet.docker.image.base_digest_test

import rego.v1

import data.tenet.docker.image.base_digest
import data.tenet.lib.fixtures

_check(stages) := {"deny": d, "unknown": u} if {
	inp := fixtures.dockerfile(stages)
	d := base_digest.deny with input as inp
	u := base_digest.unknown with input as inp
}

# _from_arg(name, raw) is a stage whose base image depends on an ARG without
# a value, as the loader gives it.
_from_arg(name, raw) := fixtures.with_unknown(
	json.patch(fixtures.stage(name, "scratch", []), [{"op": "replace", "path": "/values/from", "value": {"raw": raw}}]),
	["from.image", "from.tag", "from.digest"],
)

test_deny_a_tag_without_digest if {
	c := _check([fixtures.stage("", "python:3.12-slim", [fixtures.ins("RUN", ["pip install --no-cache-dir flask==3.0.3"])])])
	c.deny == {{"msg": "FROM python:3.12-slim is not pinned by digest", "resource": "stage.0", "attribute": "from"}}
	c.unknown == set()
}

test_deny_untagged_and_registry_images if {
	count(_check([fixtures.stage("", "ubuntu", [])]).deny) == 1
	count(_check([fixtures.stage("", "registry.example.com:5000/team/base:1.4", [])]).deny) == 1
	count(_check([fixtures.stage("", "gcr.io/distroless/static", [])]).deny) == 1
}

test_deny_every_external_stage if {
	c := _check([
		fixtures.stage("build", "golang:1.23", [fixtures.ins("RUN", ["go build -o /out/app ./cmd/app"])]),
		fixtures.stage("", "gcr.io/distroless/static-debian12@sha256:3f2b64ef97bd285e36132c684e6b2ae8f2723293d09aae046196cca64251acac", []),
	])
	{f.resource | some f in c.deny} == {"stage.build"}
}

test_allow_digests if {
	c := _check([
		fixtures.stage("builder", "golang:1.26.5-alpine@sha256:0178a641fbb4858c5f1b48e34bdaabe0350a330a1b1149aabd498d0699ff5fb2", []),
		fixtures.stage("", "alpine@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d", []),
	])
	c.deny == set()
	c.unknown == set()
}

test_allow_scratch_and_earlier_stages if {
	c := _check([
		fixtures.stage("base", "python:3.14.6-alpine@sha256:26730869004e2b9c4b9ad09cab8625e81d256d1ce97e72df5520e806b1709f92", []),
		fixtures.stage_from("builder", "base", [fixtures.ins("RUN", ["pip install --prefix=/install -r requirements.txt"])]),
		fixtures.stage("", "scratch", [fixtures.ins("COPY", ["--from=builder", "/install", "/"])]),
	])
	c.deny == set()
}

test_unknown_base_from_an_arg_without_value if {
	c := _check([_from_arg("", "${BASE_IMAGE}")])
	c.deny == set()
	c.unknown == {{
		"msg": "FROM ${BASE_IMAGE} depends on an ARG without a value: whether the base image is pinned by digest is unknown",
		"resource": "stage.0", "attribute": "from",
	}}
}

package tenet.lib.docker_test

import rego.v1

import data.tenet.lib.docker
import data.tenet.lib.fixtures

_multi := fixtures.dockerfile([
	fixtures.stage("build", "golang:1.23@sha256:abc", [
		fixtures.ins("USER", ["builder"]),
		fixtures.ins("RUN", ["go build -o /app && strip /app; echo done | tee log"]),
	]),
	fixtures.stage_from("base", "build", [fixtures.ins("RUN", ["true"])]),
	fixtures.stage_from("", "base", [fixtures.heredoc("RUN", "apt-get update\napt-get install -y curl\n")]),
])

test_stages_and_final if {
	[s.address | some s in docker.stages] == ["stage.build", "stage.base", "stage.2"] with input as _multi
	docker.final.address == "stage.2" with input as _multi
}

test_image_fixture if {
	s := fixtures.stage("", "registry.example.com:5000/team/app:1.2@sha256:def", [])
	s.values.from.name == "registry.example.com:5000/team/app"
	s.values.from.tag == "1.2"
	s.values.from.digest == "sha256:def"
	fixtures.stage("", "ubuntu", []).values.from.tag == ""
	fixtures.stage("", "scratch", []).values.from.scratch
}

test_instructions_and_attr if {
	st := _multi.resources[0]
	docker.instructions(st, "run") == {[1, st.values.instructions[1]]}
	docker.attr(1) == "instructions.1"
}

test_commands if {
	ins := _multi.resources[0].values.instructions[1]
	docker.commands(ins) == ["go build -o /app", "strip /app", "echo done", "tee log"]
	docker.commands(_multi.resources[2].values.instructions[0]) == ["<<EOF", "apt-get update", "apt-get install -y curl"]
	docker.words("apt-get  install -y") == ["apt-get", "install", "-y"]
}

test_user_inherited_through_stages if {
	docker.user(docker.final) == "builder" with input as _multi
	docker.user(_multi.resources[0]) == "builder" with input as _multi
}

test_user_undefined_without_user if {
	inp := fixtures.dockerfile([fixtures.stage("", "alpine:3.20", [fixtures.ins("RUN", ["true"])])])
	not docker.user(docker.final) with input as inp
}

test_last_user_wins if {
	inp := fixtures.dockerfile([fixtures.stage("", "alpine:3.20", [fixtures.ins("USER", ["app"]), fixtures.ins("USER", ["root"])])])
	docker.user(docker.final) == "root" with input as inp
}

test_root_user if {
	docker.root_user("root")
	docker.root_user("0:0")
	docker.root_user("root:staff")
	not docker.root_user("app")
	not docker.root_user("1000")
}

test_chain_and_base_unknown if {
	[c.address | some c in docker.chain(docker.final)] == ["stage.2", "stage.base", "stage.build"] with input as _multi
	st := object.union(fixtures.stage("", "x", []), {"unknown": ["from.image", "from.tag", "from.digest"]})
	docker.base_unknown(st)
	not docker.base_unknown(fixtures.stage("", "alpine:3.20", []))
}

test_pairs if {
	docker.pairs(fixtures.ins("ENV", ["A=1", "B=two words", "C='q'"])) == [["A", "1"], ["B", "two words"], ["C", "q"]]
	docker.pairs(fixtures.ins("ARG", ["VERSION", "TAG=1.2"])) == [["TAG", "1.2"]]
}

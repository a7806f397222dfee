package tenet.lib.images_test

import rego.v1

import data.tenet.lib.images

test_repository_docker_hub_official if {
	images.repository("nginx") == "docker.io/library/nginx"
	images.repository("nginx:1.27") == "docker.io/library/nginx"
	images.repository("nginx@sha256:ab") == "docker.io/library/nginx"
	images.repository("nginx:1.27@sha256:ab") == "docker.io/library/nginx"
}

test_repository_docker_hub_user if {
	images.repository("bitnami/redis:7") == "docker.io/bitnami/redis"
	images.repository("index.docker.io/library/python:3.12") == "docker.io/library/python"
	images.repository("Docker.IO/acme/app") == "docker.io/acme/app"
}

test_repository_with_registry if {
	images.repository("ghcr.io/acme/web:1.0") == "ghcr.io/acme/web"
	images.repository("registry.example.com:5000/team/app") == "registry.example.com:5000/team/app"
	images.repository("registry.example.com:5000/team/app:2") == "registry.example.com:5000/team/app"
	images.repository("localhost/app:dev") == "localhost/app"
	images.repository("reg:5000/app") == "reg:5000/app"
}

test_registry if {
	images.registry("nginx") == "docker.io"
	images.registry("gcr.io/distroless/static:nonroot") == "gcr.io"
	images.registry("reg:5000/app:1") == "reg:5000"
}

test_allowed_by_host if {
	images.allowed("nginx:1.27", {"docker.io"})
	images.allowed("ghcr.io/acme/web", {"GHCR.io/"})
	not images.allowed("docker.io.example.com/app", {"docker.io"})
	not images.allowed("quay.io/app", {"docker.io", "ghcr.io"})
}

test_allowed_by_path_prefix if {
	images.allowed("ghcr.io/acme/web:1", {"ghcr.io/acme"})
	images.allowed("ghcr.io/acme/team/web:1", {"ghcr.io/acme/"})
	not images.allowed("ghcr.io/acme-labs/web:1", {"ghcr.io/acme"})
	images.allowed("python:3.12", {"docker.io/library/"})
	images.allowed("index.docker.io/library/python:3.12", {"docker.io/library"})
	not images.allowed("bitnami/redis", {"docker.io/library/"})
}

test_allowed_whole_repository if {
	images.allowed("ghcr.io/acme/web@sha256:ab", {"ghcr.io/acme/web"})
	not images.allowed("ghcr.io/acme/webhook", {"ghcr.io/acme/web"})
}

test_not_allowed_without_host_or_list if {
	not images.allowed("nginx", {"library/"})
	not images.allowed("nginx", {""})
	not images.allowed("nginx", set())
}

# syntax=docker/dockerfile:1
# tenet's container image: a static binary on distroless, as a non-root user.
#   make image              # docker build -t tenet:$(VERSION) .
#   docker run --rm -v "$PWD:/src" -w /src tenet:dev test .
# Both bases are pinned by digest, with the tag beside it for people to read;
# `make image-pin` looks the current digests up again where a registry is
# reachable. The builder's Go may be older than go.mod's: GOTOOLCHAIN takes
# the go.mod version from the Go module proxy.

FROM golang:1.26-bookworm@sha256:a688600ca24f8a4d3ca77f95b0dd40704a9fc787c826660eb7ba0b641b8b175d AS build
ARG VERSION=dev
ENV CGO_ENABLED=0 GOTOOLCHAIN=auto GOFLAGS=-trimpath
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -ldflags "-s -w -X main.version=${VERSION}" -o /out/tenet ./cmd/tenet

FROM gcr.io/distroless/static-debian12:nonroot@sha256:d093aa3e30dbadd3efe1310db061a14da60299baff8450a17fe0ccc514a16639
LABEL org.opencontainers.image.title="tenet" \
      org.opencontainers.image.description="Compliance as code: Terraform, Kubernetes, CloudFormation and Dockerfiles checked against CIS, SOC 2, HIPAA, PCI-DSS, NIST 800-53" \
      org.opencontainers.image.source="https://github.com/tenet-dev/tenet"
COPY --from=build /out/tenet /usr/local/bin/tenet
# nonroot is uid 65532 in distroless; named numerically so that Kubernetes'
# runAsNonRoot can check it without reading /etc/passwd.
USER 65532:65532
WORKDIR /src
# Meaningful under `tenet watch` (its /healthz on 127.0.0.1:9464); a
# one-shot `tenet test` exits long before the first check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["/usr/local/bin/tenet", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/tenet"]
CMD ["--help"]

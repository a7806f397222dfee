# tenet — build, test and lint. `make build` then `make test` is all a new
# machine needs: the pinned opa CLI is installed on first use.

GO          ?= go
BIN         := bin
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# The opa CLI used for `opa test`, `opa check` and `opa fmt` is the version
# of the OPA library in go.mod, so that CLI and embedded engine agree.
OPA_VERSION := $(shell $(GO) list -m -f '{{.Version}}' github.com/open-policy-agent/opa)
OPA         := $(BIN)/opa-$(OPA_VERSION)/opa
REGO_DIRS   := rego bundles test/examples/policy
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(BIN)/staticcheck-$(STATICCHECK_VERSION)/staticcheck
# Microsoft's SARIF Multitool validates the SARIF output with GitHub's rules
# (test/e2e). It comes from npm as a self-contained Linux binary; where npm
# is missing, make tries Debian's package, and the test skips, saying why,
# when neither works.
SARIF_MULTITOOL_VERSION := 5.7.0
SARIF_MULTITOOL_DIR := $(BIN)/sarif-multitool-$(SARIF_MULTITOOL_VERSION)
SARIF_MULTITOOL := $(SARIF_MULTITOOL_DIR)/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

.PHONY: all build image image-pin release-check test go-test sarif-multitool xmllint registry nginx chromium race fuzz rego-test lint fmt bench bench-peers conftest-doc docs opa screenshot clean

all: build

build:
	$(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o $(BIN)/tenet ./cmd/tenet

# image builds the container image where a Docker engine runs; the
# Dockerfile passes tenet's own Dockerfile rules (test/e2e TestImageDockerfile).
image:
	docker build --build-arg VERSION=$(VERSION) -t tenet:$(VERSION) .

# image-pin prints the digest each base image's tag points at today, to
# update the Dockerfile's pins (needs docker buildx and a reachable registry).
image-pin:
	@sed -n 's/^FROM \([^@ ]*\)@sha256:[0-9a-f]*.*/\1/p' Dockerfile | while read -r ref; do \
	  printf '%s@' "$$ref"; docker buildx imagetools inspect "$$ref" --format '{{.Manifest.Digest}}'; \
	done

# release-check validates .goreleaser.yaml with goreleaser (when it is on
# PATH) and cross-compiles every target it releases.
RELEASE_TARGETS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
release-check:
	@if command -v goreleaser >/dev/null; then goreleaser check; else echo "goreleaser is not on PATH: checking the targets only (the config's fields are checked by test/e2e TestReleaseConfig)"; fi
	@for t in $(RELEASE_TARGETS); do echo "build $$t"; \
	  CGO_ENABLED=0 GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) build -trimpath -o /dev/null ./cmd/tenet || exit 1; done

$(OPA):
	GOBIN=$(CURDIR)/$(dir $(OPA)) $(GO) install github.com/open-policy-agent/opa@$(OPA_VERSION)

opa: $(OPA)

$(STATICCHECK):
	GOBIN=$(CURDIR)/$(dir $(STATICCHECK)) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

$(SARIF_MULTITOOL):
	@command -v npm >/dev/null || { command -v apt-get >/dev/null && { apt-get install -y -qq npm >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq npm >/dev/null 2>&1; }; }; } || true
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix $(SARIF_MULTITOOL_DIR) @microsoft/sarif-multitool-linux@$(SARIF_MULTITOOL_VERSION) && chmod u+x $@; \
	else echo "warning: npm is not available: the SARIF Multitool checks will be skipped"; fi

sarif-multitool: $(SARIF_MULTITOOL)

test: lint go-test rego-test

# xmllint validates the JUnit output in the tests (they skip without it).
xmllint:
	@command -v xmllint >/dev/null || { command -v apt-get >/dev/null && { apt-get install -y -qq libxml2-utils >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libxml2-utils >/dev/null 2>&1; }; }; } || echo "warning: xmllint is not available: the JUnit xmllint checks will be skipped"

# chromium renders the HTML report in the tests (TestHTMLScreenshot; they
# skip without it).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || { command -v apt-get >/dev/null && { apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; }; }; } || echo "warning: chromium is not available: the HTML rendering checks will be skipped"

# docker-registry (github.com/docker/distribution) is the OCI registry the
# tests of tenet bundle push/pull and --policy oci:// start on loopback
# (they skip without it).
registry:
	@command -v docker-registry >/dev/null || { command -v apt-get >/dev/null && { apt-get install -y -qq docker-registry >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq docker-registry >/dev/null 2>&1; }; }; } || echo "warning: docker-registry is not available: the OCI registry tests will be skipped"

# nginx is the bundle server of the tenet watch --bundle-url tests (they
# start it on loopback, and skip without it).
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { command -v apt-get >/dev/null && { apt-get install -y -qq nginx >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq nginx >/dev/null 2>&1; }; }; } || echo "warning: nginx is not available: the bundle server tests will be skipped"

# The race pass runs with -short: the race detector looks for races in the
# same code on the generated inputs, while the plain pass before it also
# sweeps ../shared/data and decodes the size-limit bombs, which under the
# detector took most of CI's time and found nothing concurrent. Under the
# race detector pkg/tenet takes 6-7 minutes of CI's machine, close to go
# test's default 10-minute limit per package: both passes get 20.
go-test: $(SARIF_MULTITOOL) xmllint registry nginx chromium $(OPA)
	TENET_SARIF_MULTITOOL=$(CURDIR)/$(SARIF_MULTITOOL) $(GO) test -timeout 20m ./...
	$(GO) test -timeout 20m -race -short ./pkg/...

# fuzz explores every fuzz target (package:target) for FUZZTIME each: a
# duration or a count such as 20000x (a count cannot hit Go 1.26's spurious
# "context deadline exceeded" on a busy machine, golang/go#75804). It is not
# part of CI, which replays the saved corpus on every `go test`.
FUZZTIME ?= 30s
FUZZ_TARGETS := loader:FuzzDetect loader:FuzzTerraformPlan loader:FuzzTerraformState \
	loader:FuzzKubernetes loader:FuzzJSON loader:FuzzYAML loader:FuzzCloudFormation loader:FuzzDockerfile loader:FuzzKustomize loader:FuzzHelm loader:FuzzDuplicateKeys loader:FuzzArraySpans loader:FuzzDecodePlanParallel loader:FuzzDecodeStateParallel loader:FuzzDecodeShowStateParallel loader:FuzzParseQuick catalog:FuzzBundleArchive catalog:FuzzDataValues catalog:FuzzRegoTokens loader:FuzzKeyCase loader:FuzzTerraformConfig waiver:FuzzParse history:FuzzRecordFile tenet:FuzzDecodeParts
fuzz:
	@for pt in $(FUZZ_TARGETS); do \
	  p=$${pt%%:*}; t=$${pt#*:}; echo "$$p $$t"; \
	  $(GO) test ./pkg/$$p -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

rego-test: $(OPA)
	$(OPA) test $(REGO_DIRS)
	@printf 'Rego coverage: '; $(OPA) test --coverage --format=json $(REGO_DIRS) | $(GO) run ./test/cmd/coverage

lint: $(OPA) $(STATICCHECK)
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...
	@out=$$($(OPA) fmt --list $(REGO_DIRS)); \
	  if [ -n "$$out" ]; then echo "opa fmt would change:"; echo "$$out"; exit 1; fi
	$(OPA) check --strict $(REGO_DIRS)
	$(OPA) check --strict -s docs/schema/input-v1.json rego bundles test/examples/policy

fmt: $(OPA)
	gofmt -w $$(git ls-files '*.go')
	$(OPA) fmt -w $(REGO_DIRS)

# docs regenerates what is generated from the library and the commands: the
# documentation, the table of the types the built-in Terraform rules read
# (pkg/engine/readtable.json), the built-in modules' parsed METADATA
# (pkg/catalog/heads.json) and the attribute types the rules' tests give
# (pkg/tfconfig/schematypes.json); the tests fail when any of it is stale. The
# heads come first: the binary that writes the rest embeds them.
docs:
	$(GO) test ./pkg/catalog -run '^TestHeadsTable$$' -count=1 -update
	$(MAKE) build
	./$(BIN)/tenet rules -o markdown > docs/rules.md
	./$(BIN)/tenet frameworks -o markdown > docs/frameworks.md
	$(GO) test ./test/e2e -run TestCLIDoc -update
	$(GO) test ./pkg/engine -run '^TestReadTable$$' -count=1 -update
	$(GO) test ./pkg/tfconfig -run '^TestSchemaTypesTable$$' -count=1 -update

# screenshot writes the examples' HTML report to bin/report.html and renders
# it with headless Chromium: bin/report.png (the top of the page) and
# bin/report-controls.png (failing controls of one framework, expanded).
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2000 --virtual-time-budget=2000
screenshot: build
	@test -n "$(CHROMIUM)" || { echo "screenshot needs chromium, chromium-browser or google-chrome on PATH"; exit 1; }
	./$(BIN)/tenet test -o html=$(BIN)/report.html test/examples/plan.json test/examples/k8s.yaml; test $$? -le 1
	$(CHROMIUM) $(CHROMIUM_FLAGS) --screenshot=$(CURDIR)/$(BIN)/report.png "file://$(CURDIR)/$(BIN)/report.html"
	$(CHROMIUM) $(CHROMIUM_FLAGS) --screenshot=$(CURDIR)/$(BIN)/report-controls.png \
	  "file://$(CURDIR)/$(BIN)/report.html?section=controls&fw=cis-k8s-1.10.0&status=fail,pass&open=fail"
	@echo "wrote $(BIN)/report.html, $(BIN)/report.png and $(BIN)/report-controls.png"

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# bench-peers times tenet against conftest and opa eval on generated plans
# and manifests with the same rules (docs/performance.md says how) and writes
# the table into docs/performance.md. Slow: not part of `make test`.
# A quick run: make bench-peers SIZES=1000,10000 RUNS=1
SIZES     ?= 1000,10000,50000
RUNS      ?= 3
MANIFESTS ?= 1000
CONFTEST_VERSION := v0.71.1
CONFTEST  := $(BIN)/conftest-$(CONFTEST_VERSION)/conftest

$(CONFTEST):
	GOBIN=$(CURDIR)/$(dir $(CONFTEST)) $(GO) install github.com/open-policy-agent/conftest@$(CONFTEST_VERSION)

# The table a run writes into docs/performance.md does not make the binary
# of the next run "dirty": it names the commit it was built from.
BENCH_VERSION = $(shell git describe --tags --always 2>/dev/null || echo dev)$(shell git rev-parse --git-dir >/dev/null 2>&1 && { git diff --quiet HEAD -- . ':(exclude)docs/performance.md' || echo -dirty; })

bench-peers: $(OPA) $(CONFTEST)
	$(MAKE) build VERSION=$(BENCH_VERSION)
	$(GO) run ./test/bench/cmd/benchpeers -sizes $(SIZES) -runs $(RUNS) -manifests $(MANIFESTS) \
	  -tenet $(BIN)/tenet -opa $(OPA) -conftest $(CONFTEST) -doc docs/performance.md \
	  -command "make bench-peers SIZES=$(SIZES) RUNS=$(RUNS) MANIFESTS=$(MANIFESTS)"

# conftest-doc runs conftest's examples with conftest and tenet and
# rewrites the side-by-side table of docs/conftest.md. go test ./test/e2e
# checks the table: tenet's columns always, conftest's when it finds the
# conftest binary ($$CONFTEST, $(CONFTEST) or on PATH).
conftest-doc: $(CONFTEST)
	CONFTEST=$(CURDIR)/$(CONFTEST) $(GO) test ./test/e2e -run TestConftestSideBySide -count=1 -update

clean:
	rm -rf $(BIN)

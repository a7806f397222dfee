package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAllowedRegistries runs the two rules that read the allowed_registries
// parameter (TNT-K8S-POD-024 on workloads, TNT-DKR-IMG-021 on FROM lines)
// through the CLI: off without --data, and with a --data file only the
// images outside the listed prefixes fail.
func TestAllowedRegistries(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	manifest := write("web.yaml", `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4.2
        - name: proxy
          image: ghcr.io/acme-labs/proxy:2.0
        - name: cache
          image: redis:7.2
`)
	dockerfile := write("Dockerfile", `FROM golang:1.23 AS build
RUN go build -o /app .
FROM build AS test
RUN go test ./...
FROM quay.io/acme/base:3
COPY --from=build /app /app
FROM scratch
COPY --from=build /app /app
USER 10001
`)
	params := write("params.yaml", `tenet:
  params:
    allowed_registries: ["ghcr.io/acme/", "docker.io/library"]
`)

	failed := func(args ...string) map[string][]string {
		t.Helper()
		res := run(t, "", append([]string{"test", "-o", "json"}, args...)...)
		if res.code > 1 {
			t.Fatalf("tenet %s: exit %d: %s", strings.Join(args, " "), res.code, res.stderr)
		}
		var rep struct {
			Findings []struct {
				RuleID    string `json:"rule_id"`
				Kind      string `json:"kind"`
				Resource  string `json:"resource"`
				Attribute string `json:"attribute"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
			t.Fatalf("report: %v", err)
		}
		out := map[string][]string{}
		for _, f := range rep.Findings {
			if f.RuleID == "TNT-K8S-POD-024" || f.RuleID == "TNT-DKR-IMG-021" {
				out[f.RuleID] = append(out[f.RuleID], f.Kind+" "+f.Resource+" "+f.Attribute)
			}
		}
		for _, v := range out {
			slices.Sort(v)
		}
		return out
	}

	if got := failed(manifest, dockerfile); len(got) != 0 {
		t.Errorf("without allowed_registries the rules are off, got %v", got)
	}
	got := failed("--data", params, manifest, dockerfile)
	want := map[string][]string{
		"TNT-K8S-POD-024": {"deny shop/Deployment/web spec.template.spec.containers[name=proxy].image"},
		"TNT-DKR-IMG-021": {"deny stage.2 from"},
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s: got %v, want %v", id, got[id], w)
		}
	}

	// An empty list is the same as no list: the rule is off.
	empty := write("empty.json", `{"tenet": {"params": {"allowed_registries": []}}}`)
	if got := failed("--data", empty, manifest, dockerfile); len(got) != 0 {
		t.Errorf("with an empty allowed_registries the rules are off, got %v", got)
	}
}

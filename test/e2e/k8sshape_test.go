package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKubernetesMalformedShape runs tenet on workloads whose shape the API
// server refuses (a pod spec that is a list, containers that are a map, a
// boolean written as a string) beside a good manifest. Each used to be
// evaluated as an empty pod and pass every rule; each must now be one
// error line naming the file, line, object and field, with exit code 3,
// while the good manifest's findings are still reported.
func TestKubernetesMalformedShape(t *testing.T) {
	const good = "test/examples/k8s.yaml"
	tests := []struct {
		name, manifest, wantErr string // wantErr follows "tenet: <file>:"
	}{
		{
			name:     "spec a list",
			manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  - hostNetwork: true\n    containers:\n    - {name: app, image: \"nginx:1.27\", securityContext: {privileged: true}}\n",
			wantErr:  "4:1: Pod/web: spec: a list where Kubernetes expects an object",
		},
		{
			name:     "containers a map",
			manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        app: {image: nginx, securityContext: {privileged: true}}\n",
			wantErr:  "7:7: Deployment/api: spec.template.spec.containers: an object where Kubernetes expects a list",
		},
		{
			name:     "privileged a string",
			manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: \"true\"\n",
			wantErr:  "9:7: Pod/web: spec.containers[0].securityContext.privileged: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bad := filepath.Join(t.TempDir(), "bad.yaml")
			if err := os.WriteFile(bad, []byte(tc.manifest), 0o644); err != nil {
				t.Fatal(err)
			}
			got := run(t, "", "test", "--no-config", "-o", "json", bad, good)
			if got.code != 3 {
				t.Errorf("exit code %d, want 3\nstderr: %s", got.code, got.stderr)
			}
			if want := "tenet: " + bad + ":" + tc.wantErr + "\n"; got.stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", got.stderr, want)
			}
			var rep report
			if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
				t.Fatalf("%v\n%s", err, got.stdout)
			}
			if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Message, tc.wantErr) {
				t.Errorf("report errors: %+v", rep.Errors)
			}
			found := false
			for _, f := range rep.Findings {
				found = found || f.File == good
				if f.File == bad {
					t.Errorf("a finding on the malformed file: %+v", f)
				}
			}
			if !found {
				t.Errorf("no finding on %s, which was not evaluated beside the malformed file", good)
			}
		})
	}
}

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedRepro is ../shared/repro seen from the repository root. Tests that
// read it skip when it is absent.
const sharedRepro = "../shared/repro"

func reproFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(sharedRepro, name)
	if _, err := os.Stat(filepath.Join(repoRoot, path)); err != nil {
		t.Skipf("%s is not present", path)
	}
	return path
}

// TestStateModulesRepro scans ../shared/repro/tf012_state3.json, a
// Terraform 0.12 state with aws_s3_bucket.b in three modules: the findings
// of the three buckets stay apart (7 rules fail on each).
func TestStateModulesRepro(t *testing.T) {
	path := reproFile(t, "tf012_state3.json")
	got := run(t, "", "test", "-o", "json", path)
	if got.code != 1 {
		t.Fatalf("exit %d, want 1: %s", got.code, got.stderr)
	}
	var rep report
	if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	perBucket := map[string]int{}
	for _, f := range rep.Findings {
		perBucket[f.Resource]++
	}
	if len(rep.Findings) != 21 || len(perBucket) != 3 {
		t.Errorf("%d findings on %v, want 21 on three buckets", len(rep.Findings), perBucket)
	}
}

// TestBaselineConftestRepro is ../shared/repro/baseline-conftest: a
// baseline made from a Deployment whose container a uses nginx:latest,
// then the repro version (latest fixed, a privileged container b added).
// With --baseline and with tenet diff, the privileged container is new and
// the latest image resolved, though neither finding names a resource.
func TestBaselineConftestRepro(t *testing.T) {
	dir := reproFile(t, "baseline-conftest")
	policy, err := filepath.Abs(filepath.Join(repoRoot, dir, "policy.rego"))
	if err != nil {
		t.Fatal(err)
	}
	app, err := os.ReadFile(filepath.Join(repoRoot, dir, "app.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	old := "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: a, image: \"nginx:latest\"}\n"
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(work, "app.yaml"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(old)
	if got := runIn(t, work, "", "test", "--no-builtins", "-p", policy, "-o", "json=base.json", "app.yaml"); got.code != 1 {
		t.Fatalf("baseline scan: exit %d: %s", got.code, got.stderr)
	}
	write(string(app))
	got := runIn(t, work, "", "test", "--no-builtins", "-p", policy, "--baseline", "base.json", "-o", "table", "-o", "json=new.json", "app.yaml")
	if got.code != 1 {
		t.Errorf("--baseline: exit %d, want 1 (a new finding): %s", got.code, got.stdout)
	}
	for _, s := range []string{"1 new, 0 existing, 1 resolved since baseline base.json", "app: container b is privileged", "app: image nginx:latest uses latest"} {
		if !strings.Contains(got.stdout, s) {
			t.Errorf("--baseline output lacks %q:\n%s", s, got.stdout)
		}
	}
	got = runIn(t, work, "", "diff", "--fail-on-new", "base.json", "new.json")
	if got.code != 1 {
		t.Errorf("diff --fail-on-new: exit %d, want 1: %s", got.code, got.stderr)
	}
	for _, s := range []string{"1 new (1 failing), 1 resolved, 0 unchanged findings", "+ deny    main.deny  app.yaml: app: container b is privileged", "- deny    main.deny  app.yaml: app: image nginx:latest uses latest"} {
		if !strings.Contains(got.stdout, s) {
			t.Errorf("diff output lacks %q:\n%s", s, got.stdout)
		}
	}
}

// TestBaselinePathSpelling makes a baseline in a repository and compares
// scans of the same file named otherwise: ./x, an absolute path, from a
// subdirectory, from outside the repository, and in a second checkout at
// another place. Every one finds nothing new.
func TestBaselinePathSpelling(t *testing.T) {
	tmp := t.TempDir()
	const policy = "package main\n\nimport rego.v1\n\ndeny contains sprintf(\"%s: container %s is privileged\", [input.metadata.name, c.name]) if {\n" +
		"\tsome c in input.spec.template.spec.containers\n\tc.securityContext.privileged\n}\n"
	const app = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n" +
		"        - {name: a, image: \"nginx:1.27\", securityContext: {privileged: true}}\n        - {name: b, image: \"busybox:1\", securityContext: {privileged: true}}\n"
	checkout := func(dir string) {
		t.Helper()
		for _, d := range []string{".git", "k8s"} {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		for name, body := range map[string]string{"policy.rego": policy, "k8s/app.yaml": app} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	dev, ci := filepath.Join(tmp, "dev", "repo"), filepath.Join(tmp, "ci", "build")
	checkout(dev)
	checkout(ci)
	base := filepath.Join(tmp, "base.json")
	if got := runIn(t, dev, "", "test", "--no-builtins", "-p", "policy.rego", "-o", "json="+base, "k8s/app.yaml"); got.code != 1 {
		t.Fatalf("baseline scan: exit %d: %s", got.code, got.stderr)
	}
	for _, tc := range []struct{ name, repo, dir, file string }{
		{"dot slash", dev, dev, "./k8s/app.yaml"},
		{"absolute", dev, dev, filepath.Join(dev, "k8s", "app.yaml")},
		{"from a subdirectory", dev, filepath.Join(dev, "k8s"), "app.yaml"},
		{"up and down", dev, filepath.Join(dev, "k8s"), "../k8s/app.yaml"},
		{"from outside the repository", dev, tmp, "dev/repo/k8s/app.yaml"},
		{"another checkout", ci, ci, "k8s/app.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pol := filepath.Join(tc.repo, "policy.rego")
			got := runIn(t, tc.dir, "", "test", "--no-builtins", "-p", pol, "--baseline", base, tc.file)
			if got.code != 0 || !strings.Contains(got.stdout, "0 new, 2 existing, 0 resolved") {
				t.Errorf("exit %d, want 0 and nothing new:\n%s%s", got.code, got.stdout, got.stderr)
			}
		})
	}

	// A baseline of fingerprint version 1 (before the field) has its
	// fingerprints computed again; one of a newer version is refused.
	for _, tc := range []struct {
		name    string
		version any // nil: no fingerprint_version
		code    int
		want    string
	}{
		{"version 1", nil, 0, "0 new, 2 existing, 0 resolved"},
		{"newer version", 99, 2, "fingerprint version 99 is newer than this tenet's (2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc map[string]any
			data, err := os.ReadFile(base)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			delete(doc, "fingerprint_version")
			if tc.version != nil {
				doc["fingerprint_version"] = tc.version
			}
			for _, f := range doc["findings"].([]any) {
				f.(map[string]any)["fingerprint"] = "00000000000000000000000000000000" // as version 1 wrote it: not this version's
			}
			if data, err = json.Marshal(doc); err != nil {
				t.Fatal(err)
			}
			old := filepath.Join(t.TempDir(), "old.json")
			if err := os.WriteFile(old, data, 0o644); err != nil {
				t.Fatal(err)
			}
			got := runIn(t, dev, "", "test", "--no-builtins", "-p", "policy.rego", "--baseline", old, "k8s/app.yaml")
			if got.code != tc.code || !strings.Contains(got.stdout+got.stderr, tc.want) || strings.Count(got.stderr, "\n") > 1 {
				t.Errorf("exit %d, want %d and %q:\n%s%s", got.code, tc.code, tc.want, got.stdout, got.stderr)
			}
		})
	}
}

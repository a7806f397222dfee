package tenet_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/tenet"
	"github.com/tenet-dev/tenet/test/bench"
)

var cacheNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// estate writes generated plans and manifests into a new directory.
func estate(t *testing.T, types []string) string {
	t.Helper()
	dir := t.TempDir()
	for i := range 4 {
		var b bytes.Buffer
		if err := bench.WritePlan(&b, 150, types, uint64(i+1)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("plan-%d.json", i)), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := bench.WriteManifests(filepath.Join(dir, "k8s"), 30, 7); err != nil {
		t.Fatal(err)
	}
	return dir
}

// scan runs a fresh Scanner, as a new CI run or a watch tick after a
// restart would, and returns its result and cache counts.
func scan(t *testing.T, dir string, opts ...tenet.Option) (*finding.Result, tenet.CacheStats) {
	t.Helper()
	s, err := tenet.New(t.Context(), append([]tenet.Option{tenet.WithNow(cacheNow)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Scan(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return res, s.CacheStats()
}

// TestCacheEqualsCold: after edits (a manifest, and in a plan the removal
// of a resource that another joins), a scan with the cache gives the
// result of a scan without it, evaluating only the edited inputs; other
// policies never read those results.
func TestCacheEqualsCold(t *testing.T) {
	s, err := tenet.Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// Without the access keys, whose age a rule reads from the clock: a
	// plan holding one is never cached (TestCacheVolatile).
	types := slices.DeleteFunc(bench.ResourceTypes(s.Rules(), "terraform"), func(t string) bool { return t == "aws_iam_access_key" })
	dir := estate(t, types)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	withCache := tenet.WithCache(cacheDir, 0)

	cold, st := scan(t, dir, withCache)
	inputs := len(cold.Inputs)
	if st.Hits != 0 || st.Misses != int64(inputs) || st.Errors != 0 {
		t.Fatalf("cold scan: %+v over %d inputs", st, inputs)
	}
	if cold.Summary.Deny == 0 {
		t.Fatal("the generated estate has no findings to compare")
	}
	again, st := scan(t, dir, withCache)
	if st.Hits != int64(inputs) || st.Misses != 0 {
		t.Errorf("unchanged re-scan: %+v over %d inputs", st, inputs)
	}
	if diff := cmp.Diff(cold, again); diff != "" {
		t.Errorf("unchanged re-scan differs (-cold +cached):\n%s", diff)
	}

	removeJoined(t, filepath.Join(dir, "plan-2.json"))
	editManifest(t, filepath.Join(dir, "k8s"))
	plain, _ := scan(t, dir)
	cached, st := scan(t, dir, withCache)
	if st.Hits != int64(inputs-2) || st.Misses != 2 {
		t.Errorf("re-scan after two edits: %+v over %d inputs", st, inputs)
	}
	if diff := cmp.Diff(plain, cached); diff != "" {
		t.Errorf("re-scan after edits differs (-plain +cached):\n%s", diff)
	}
	for _, file := range []string{"plan-2.json", "k8s"} {
		if cmp.Equal(findingsIn(cold, file), findingsIn(cached, file)) {
			t.Errorf("the edit of %s changed none of its findings: the test does not test", file)
		}
	}

	// Other policies: nothing is read from the cache.
	extra := t.TempDir()
	if err := os.WriteFile(filepath.Join(extra, "extra.rego"), []byte("package main\n\nimport rego.v1\n\ndeny contains \"no\" if input.never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, st := scan(t, dir, withCache, tenet.WithPolicy(extra)); st.Hits != 0 {
		t.Errorf("a scan with other policies read %d cached results", st.Hits)
	}
}

// removeJoined removes from a plan a resource that others' findings
// depend on: a security group rule open to the world, which rules join to
// its group.
func removeJoined(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var plan map[string]any
	if err := json.Unmarshal(data, &plan); err != nil {
		t.Fatal(err)
	}
	changes := plan["resource_changes"].([]any)
	for i, c := range changes {
		rc := c.(map[string]any)
		after, _ := rc["change"].(map[string]any)["after"].(map[string]any)
		if rc["type"] == "aws_security_group_rule" && fmt.Sprint(after["cidr_blocks"]) == "[0.0.0.0/0]" {
			plan["resource_changes"] = append(changes[:i:i], changes[i+1:]...)
			out, err := json.Marshal(plan)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("%s has no open aws_security_group_rule", path)
}

// editManifest makes the first workload of dir less safe.
func editManifest(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		t.Fatal(err, "no manifests")
	}
	p := filepath.Join(dir, entries[0].Name())
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := string(data)
	for _, flip := range [][2]string{{"privileged: false", "privileged: true"}, {"hostNetwork: false", "hostNetwork: true"}, {"runAsNonRoot: true", "runAsNonRoot: false"}} {
		if strings.Contains(edited, flip[0]) {
			edited = strings.Replace(edited, flip[0], flip[1], 1)
			break
		}
	}
	if edited == string(data) {
		t.Fatalf("%s: no containers to edit:\n%s", p, data)
	}
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
}

// findingsIn are the findings of res in the files whose path holds part.
func findingsIn(res *finding.Result, part string) []finding.Finding {
	var out []finding.Finding
	for _, f := range res.Findings {
		if strings.Contains(f.File, part) {
			out = append(out, f)
		}
	}
	return out
}

// TestCacheVolatile: results that may change with the clock alone are
// never reused: a state holding an access key (whose age a rule computes
// from the clock), and every input when a custom policy reads the clock.
func TestCacheVolatile(t *testing.T) {
	dir := t.TempDir()
	state := `{"version": 4, "terraform_version": "1.9.5", "serial": 1, "lineage": "x", "outputs": {}, "resources": [
	  {"mode": "managed", "type": "aws_iam_access_key", "name": "k", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
	   "instances": [{"schema_version": 0, "attributes": {"id": "AKIA", "user": "u", "status": "Active", "create_date": "2020-01-01T00:00:00Z"}}]}]}`
	if err := os.WriteFile(filepath.Join(dir, "key.tfstate"), []byte(state), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := bench.WriteManifests(filepath.Join(dir, "k8s"), 3, 1); err != nil {
		t.Fatal(err)
	}
	withCache := tenet.WithCache(filepath.Join(t.TempDir(), "cache"), 0)
	scan(t, dir, withCache)
	res, st := scan(t, dir, withCache)
	if st.Hits != 3 || st.Misses != 0 || st.Uncached != 1 || len(res.Inputs) != 4 {
		t.Errorf("re-scan: %+v over %d inputs; want the 3 manifests from the cache and the state evaluated", st, len(res.Inputs))
	}
	if len(findingsIn(res, "key.tfstate")) == 0 {
		t.Error("the access key of 2020 has no finding: the test does not test")
	}

	clock := t.TempDir()
	if err := os.WriteFile(filepath.Join(clock, "late.rego"), []byte("package main\n\nimport rego.v1\n\nwarn contains \"late\" if time.now_ns() < 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	scan(t, dir, withCache, tenet.WithPolicy(clock))
	if _, st := scan(t, dir, withCache, tenet.WithPolicy(clock)); st.Hits != 0 {
		t.Errorf("with a policy that reads the clock, %d results came from the cache", st.Hits)
	}
}

// TestCacheShards: a plan large enough to be evaluated in shards, which
// holds an access key (so that the plan as a whole is never cached), takes
// from the cache the shards that did not change, and finds what a scan
// without the cache finds: unchanged, and after the removal of a resource
// that others join. The shards' findings are stored redacted, as the inputs'
// are.
func TestCacheShards(t *testing.T) {
	s, err := tenet.Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := bench.WritePlan(&b, 700, bench.ResourceTypes(s.Rules(), "terraform"), 2); err != nil {
		t.Fatal(err)
	}
	const secret = "tenet-secret-token-42"
	path := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(path, withSecretToken(t, b.Bytes(), secret), 0o644); err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	withCache := tenet.WithCache(cacheDir, 0)

	cold, st := scan(t, dir, withCache)
	// Uncached: the plan holds access keys, whose age a rule reads from
	// the clock.
	if st.Uncached != 1 || st.ShardHits != 0 || st.ShardMisses < 50 || st.Errors != 0 {
		t.Fatalf("cold scan: %+v", st)
	}
	again, st := scan(t, dir, withCache)
	if st.ShardHits < 50 || st.ShardMisses != 0 {
		t.Errorf("unchanged re-scan: %+v", st)
	}
	if diff := cmp.Diff(cold, again); diff != "" {
		t.Errorf("unchanged re-scan differs (-cold +cached):\n%s", diff)
	}

	removeJoined(t, path)
	plain, _ := scan(t, dir)
	cached, st := scan(t, dir, withCache)
	if st.ShardHits < 50 || st.ShardMisses == 0 {
		t.Errorf("re-scan after an edit: %+v", st)
	}
	if diff := cmp.Diff(plain, cached); diff != "" {
		t.Errorf("re-scan after an edit differs (-plain +cached):\n%s", diff)
	}
	if cmp.Equal(cold.Findings, cached.Findings) {
		t.Error("the edit changed no finding: the test does not test")
	}

	err = filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("%s holds the sensitive value", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// withSecretToken sets, in the first instance of a generated plan whose
// metadata service tokens are optional, a token value that the plan marks
// sensitive, and which the IMDSv2 rule quotes in its message.
func withSecretToken(t *testing.T, data []byte, secret string) []byte {
	t.Helper()
	var plan map[string]any
	if err := json.Unmarshal(data, &plan); err != nil {
		t.Fatal(err)
	}
	for _, c := range plan["resource_changes"].([]any) {
		rc := c.(map[string]any)
		change := rc["change"].(map[string]any)
		after, _ := change["after"].(map[string]any)
		opts, _ := after["metadata_options"].([]any)
		if rc["type"] != "aws_instance" || len(opts) != 1 || opts[0].(map[string]any)["http_tokens"] != "optional" {
			continue
		}
		opts[0].(map[string]any)["http_tokens"] = secret
		change["after_sensitive"] = map[string]any{"metadata_options": []any{map[string]any{"http_tokens": true}}}
		out, err := json.Marshal(plan)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Fatal("no instance with optional tokens in the generated plan")
	return nil
}

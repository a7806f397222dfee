package tenet_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/tenet"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestAttackMemo_RedactionOfOtherShard: the findings of a shard are stored
// redacted with the secrets of the whole document, which lie in resources
// of other shards too. When such a secret goes (a resource of another
// shard no longer holds it), the unchanged shard must not bring back its
// findings redacted: a scan without the cache shows the value, as it is no
// longer sensitive anywhere.
func TestAttackMemo_RedactionOfOtherShard(t *testing.T) {
	s, err := tenet.Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := bench.WritePlan(&b, 700, bench.ResourceTypes(s.Rules(), "terraform"), 2); err != nil {
		t.Fatal(err)
	}
	// A parameter, which the IMDSv2 rule's shard does not hold, whose
	// sensitive value is the word that rule quotes ("optional").
	write := func(value string) {
		var plan map[string]any
		if err := json.Unmarshal(b.Bytes(), &plan); err != nil {
			t.Fatal(err)
		}
		plan["resource_changes"] = append(plan["resource_changes"].([]any), map[string]any{
			"address": "aws_ssm_parameter.p", "mode": "managed", "type": "aws_ssm_parameter", "name": "p",
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{
				"actions": []any{"create"}, "before": nil,
				"after":           map[string]any{"name": "p", "type": "SecureString", "value": value},
				"after_unknown":   map[string]any{},
				"after_sensitive": map[string]any{"value": true},
			},
		})
		out, err := json.Marshal(plan)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "plan.json"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	quoted := func(res *finding.Result) bool {
		for _, f := range res.Findings {
			if strings.Contains(f.Message, `http_tokens is "optional"`) {
				return true
			}
		}
		return false
	}
	withCache := tenet.WithCache(filepath.Join(t.TempDir(), "cache"), 0)
	write("optional")
	first, _ := scan(t, dir, withCache)
	if quoted(first) {
		t.Fatal("the sensitive value is in a finding")
	}
	write("another-secret-value")
	plain, _ := scan(t, dir)
	if !quoted(plain) {
		t.Fatal("no finding quotes the value no longer sensitive: the test checks nothing")
	}
	cached, _ := scan(t, dir, withCache)
	if diff := cmp.Diff(plain, cached); diff != "" {
		t.Errorf("re-scan differs (-plain +cached):\n%s", diff)
	}
}

package loader

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/tenet-dev/tenet/pkg/input"
)

// BenchmarkDuplicateKeys measures the key check of a plan (duplicates,
// keys in another case, lone surrogates) against the
// encoding/json decode it guards, on the same plan-shaped bytes; the check
// should cost a small fraction of the decode.
func BenchmarkDuplicateKeys(b *testing.B) {
	for _, n := range []int{1000, 50000} {
		data := dupBenchPlan(b, n)
		b.Run(fmt.Sprintf("check/resources=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := checkKeys(data, keySchemaFor(input.FormatTerraformPlan), true); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("decode/resources=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// dupBenchPlan is a plan of n buckets with nested blocks, tags wide enough
// to use the map path, and escaped keys.
func dupBenchPlan(b *testing.B, n int) []byte {
	b.Helper()
	tags := map[string]any{}
	for i := range 20 {
		tags[fmt.Sprintf("tag-%d", i)] = fmt.Sprintf("value \"%d\"", i)
	}
	changes := make([]any, n)
	for i := range changes {
		changes[i] = map[string]any{
			"address": fmt.Sprintf("module.m.aws_s3_bucket.b[%d]", i), "module_address": "module.m", "mode": "managed",
			"type": "aws_s3_bucket", "name": "b", "index": i, "provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{
				"actions": []string{"create"}, "before": nil,
				"after":         map[string]any{"bucket": fmt.Sprintf("b-%d", i), "tags": tags, "versioning": []any{map[string]any{"enabled": true}}, "policy": "{\"Statement\": [{\"Effect\": \"Allow\"}]}"},
				"after_unknown": map[string]any{"id": true, "arn": true, "versioning": []any{map[string]any{"mfa_delete": true}}},
			},
		}
	}
	data, err := json.Marshal(map[string]any{"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": changes})
	if err != nil {
		b.Fatal(err)
	}
	return data
}

package loader_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// benchPlan is a plan of n buckets with nested blocks and unknown values.
func benchPlan(b *testing.B, n int) []byte {
	b.Helper()
	changes := make([]any, n)
	for i := range changes {
		changes[i] = map[string]any{
			"address": fmt.Sprintf("module.m.aws_s3_bucket.b[%d]", i), "module_address": "module.m", "mode": "managed",
			"type": "aws_s3_bucket", "name": "b", "index": i, "provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{
				"actions": []string{"create"}, "before": nil,
				"after":         map[string]any{"bucket": fmt.Sprintf("b-%d", i), "tags": map[string]any{"env": "prod"}, "versioning": []any{map[string]any{"enabled": true}}},
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

// BenchmarkParsePlan measures detection plus the typed decode of a plan,
// against the floor of a plain encoding/json decode of the same bytes.
func BenchmarkParsePlan(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		parseAgainstFloor(b, benchPlan(b, n), n)
	}
}

// parseAgainstFloor runs two sub-benchmarks on the same plan bytes: tenet's
// parse, and the floor of a plain encoding/json decode.
func parseAgainstFloor(b *testing.B, data []byte, n int) {
	b.Run(fmt.Sprintf("tenet/resources=%d", n), func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := loader.Parse(b.Context(), "plan.json", data, loader.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run(fmt.Sprintf("encoding-json/resources=%d", n), func(b *testing.B) {
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

// BenchmarkParseGeneratedPlan loads a plan from the peer benchmark's
// generator (test/bench): planned values and configuration besides the
// changes, over every judged resource type, as terraform show -json writes.
func BenchmarkParseGeneratedPlan(b *testing.B) {
	types := []string{"aws_s3_bucket", "aws_security_group", "aws_ebs_volume", "aws_db_instance", "aws_kms_key", "aws_cloudtrail", "aws_instance", "azurerm_storage_account", "google_compute_instance"}
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, 10000, types, 1); err != nil {
		b.Fatal(err)
	}
	parseAgainstFloor(b, buf.Bytes(), 10000)
}

// BenchmarkParseRawState loads a raw state of 20,000 resources (7.9 MB:
// modules, data sources, deposed instances, sensitive attributes).
func BenchmarkParseRawState(b *testing.B) {
	parseAgainstFloor(b, []byte(loader.GenState(20000)), 20000)
}

// BenchmarkParseManifest loads a real Helm-rendered manifest of 48 objects.
func BenchmarkParseManifest(b *testing.B) {
	data, err := os.ReadFile("../../../shared/data/kubernetes/helm-rendered/otelhelm-demo-default-component.yaml")
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if _, err := loader.Parse(b.Context(), "m.yaml", data, loader.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

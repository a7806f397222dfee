package tenet

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// writeBenchPlan writes a plan of n resources over the types the built-in
// rules judge, half of them compliant, with modules and unknown values.
func writeBenchPlan(tb testing.TB, n int) string {
	tb.Helper()
	var changes []map[string]any
	for i := range n {
		var typ string
		var after, unknown map[string]any
		switch i % 5 {
		case 0:
			typ, after, unknown = "aws_s3_bucket", map[string]any{"bucket": fmt.Sprintf("b-%d", i)}, map[string]any{"id": true, "arn": true}
		case 1:
			typ, after, unknown = "aws_ebs_volume", map[string]any{"encrypted": i%2 == 0, "size": 10}, map[string]any{"id": true}
		case 2:
			typ = "aws_security_group"
			after = map[string]any{"ingress": []any{map[string]any{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": []any{"10.0.0.0/8"}}}}
			unknown = map[string]any{"id": true}
		case 3:
			typ, after, unknown = "aws_db_instance", map[string]any{"storage_encrypted": true, "publicly_accessible": i%2 == 0}, map[string]any{"id": true}
		case 4:
			typ, after, unknown = "aws_kms_key", map[string]any{"enable_key_rotation": i%2 == 0, "customer_master_key_spec": "SYMMETRIC_DEFAULT"}, map[string]any{"arn": true}
		}
		module := fmt.Sprintf("module.m%d", i%20)
		changes = append(changes, map[string]any{
			"address":        fmt.Sprintf("%s.%s.r[%d]", module, typ, i),
			"module_address": module,
			"mode":           "managed",
			"type":           typ,
			"name":           "r",
			"index":          i,
			"provider_name":  "registry.terraform.io/hashicorp/aws",
			"change":         map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": unknown},
		})
	}
	data, err := json.Marshal(map[string]any{"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": changes})
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "plan.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkScan scans a generated plan with the full built-in library.
func BenchmarkScan(b *testing.B) {
	s, err := New(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000, 10000} {
		path := writeBenchPlan(b, n)
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Scan(b.Context(), path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNew loads and compiles the built-in bundles.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad reads the built-in bundles without compiling them.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
}

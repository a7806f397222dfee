package loader_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestTerraformWalk: a walked directory gives each root module once, not
// the modules its roots call, and not the variable files.
func TestTerraformWalk(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"live/main.tf":               `module "a" { source = "../modules/a" }`,
		"live/terraform.tfvars.json": `{"x": 1}`,
		"live/plan.json":             `{}`,
		"modules/a/main.tf":          `resource "aws_s3_bucket" "b" {}`,
		"other/main.tf.json":         `{}`,
		".terraform/modules/x/m.tf":  ``,
	})
	files, errs := loader.Files([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{filepath.Join(dir, "live"), filepath.Join(dir, "live", "plan.json"), filepath.Join(dir, "other")}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

// TestTerraformFile: a .tf file named alone is judged with its directory
// and reports only its own resources.
func TestTerraformFile(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"vars.tf": `variable "name" { default = "logs" }`,
		"main.tf": `resource "aws_s3_bucket" "b" { bucket = var.name }`,
		"kms.tf":  `resource "aws_kms_key" "k" {}`,
	})
	main := filepath.Join(dir, "main.tf")
	doc, err := loader.Read(t.Context(), main, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source.Path != main || doc.Source.Format != input.FormatTerraform || len(doc.Resources) != 1 {
		t.Fatalf("doc = %+v", doc)
	}
	if got := doc.Resources[0].Values["bucket"]; got != "logs" {
		t.Errorf("bucket = %v, want the variable's default from vars.tf", got)
	}
}

// TestTerraformTimeout: an expression too slow to evaluate (for
// expressions nested over range(): a billion steps, in little memory)
// is stopped by the context, as the run's --timeout stops it. The
// abandoned evaluation runs on until the test binary exits.
func TestTerraformTimeout(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `
locals {
  slow = length([for a in range(1024) : length([for b in range(1024) : length([for c in range(1024) : a + b + c])])])
}
resource "aws_s3_bucket" "b" { bucket = local.slow }`})
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := loader.Read(ctx, dir, loader.Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v to stop", d)
	}
}

// TestPlanLocatedInConfig: with its configuration, a plan's resources
// point at their blocks and attribute lines; one in a module that was not
// evaluated points at the module call.
func TestPlanLocatedInConfig(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
resource "aws_ebs_volume" "v" {
  size      = 10
  encrypted = false
}
module "remote" {
  source = "example/remote/aws"
}`,
		"plan.json": `{"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": [
 {"address": "aws_ebs_volume.v", "mode": "managed", "type": "aws_ebs_volume", "name": "v",
  "change": {"actions": ["create"], "after": {"size": 10, "encrypted": false}, "after_unknown": {}}},
 {"address": "module.remote.aws_s3_bucket.b", "module_address": "module.remote", "mode": "managed",
  "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "after": {}, "after_unknown": {}}}]}`,
	})
	doc, err := loader.Read(t.Context(), filepath.Join(dir, "plan.json"), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(dir, "main.tf")
	got := map[string]input.Location{}
	for _, r := range doc.Resources {
		got[r.Address] = r.Location
	}
	want := map[string]input.Location{
		"aws_ebs_volume.v":              {File: main, Line: 2, Attributes: map[string]int{"size": 3, "encrypted": 4}},
		"module.remote.aws_s3_bucket.b": {File: main, Line: 6},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("locations (-want +got):\n%s", diff)
	}
	// A configuration that does not parse is an error of the plan's input.
	if err := os.WriteFile(main, []byte("resource {"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = loader.Read(t.Context(), filepath.Join(dir, "plan.json"), loader.Options{})
	if err == nil || !strings.HasPrefix(err.Error(), main+":1:") {
		t.Errorf("err = %v, want the .tf file's line", err)
	}
}

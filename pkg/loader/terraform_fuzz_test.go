package loader_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// FuzzTerraformConfig checks the configuration loader on one main.tf:
// it never panics, an error is one line naming a file of the directory,
// and loading is deterministic (map order must not leak into the
// document). Seeded with the examples and the tfconfig test data.
func FuzzTerraformConfig(f *testing.F) {
	for _, pattern := range []string{"../../test/examples/terraform/*.tf", "../tfconfig/testdata/*/*.tf"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(`resource "a" "b" { count = 3` + "\n" + `dynamic "x" { for_each = [1, 2]` + "\n" + `content { y = x.value } } }`))
	f.Add([]byte(`locals { a = "${local.a}${local.a}" }`))
	f.Add([]byte(`module "m" { source = "./" }`))
	f.Add([]byte(`resource "a" "b" { for_each = { for k, v in { x = 1 } : k => v } v = each.value }`))
	dir := f.TempDir()
	main := filepath.Join(dir, "main.tf")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(main, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		doc, err := loader.Read(ctx, dir, loader.Options{})
		if errors.Is(err, context.DeadlineExceeded) {
			return // the run's timeout stops a configuration too slow to evaluate
		}
		if err != nil {
			checkDirError(t, err, dir)
			return
		}
		again, err := loader.Read(ctx, dir, loader.Options{})
		if err != nil {
			t.Fatalf("second load failed: %v", err)
		}
		a, _ := json.Marshal(doc)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("two loads differ:\n%s\n%s", a, b)
		}
	})
}

// checkDirError fails t unless err, from loading the directory input dir,
// is one line naming dir or a file in it, and not a recovered panic.
func checkDirError(t *testing.T, err error, dir string) {
	t.Helper()
	var fe *loader.FileError
	if !errors.As(err, &fe) || !strings.HasPrefix(fe.Path, dir) {
		t.Fatalf("error does not name the directory or a file in it: %v", err)
	}
	if strings.Contains(err.Error(), "internal error") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error is a panic or more than one line: %q", err)
	}
}

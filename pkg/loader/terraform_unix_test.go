//go:build unix

package loader_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestTerraformFIFO: a named pipe called main.tf in a configuration
// directory is refused without waiting for a writer.
func TestTerraformFIFO(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.tf": `resource "aws_s3_bucket" "b" {}`})
	if err := syscall.Mkfifo(filepath.Join(dir, "main.tf"), 0o644); err != nil {
		t.Skip(err)
	}
	var err error
	within(t, "Read", func() { _, err = loader.Read(t.Context(), dir, loader.Options{}) })
	if err == nil || !strings.Contains(err.Error(), "main.tf: not a regular file (named pipe)") {
		t.Errorf("err = %v", err)
	}
	within(t, "Files", func() { loader.Files([]string{dir}) })
}

//go:build unix

package history_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestAppendSpecialInputs: an input that is a FIFO nobody writes to, or a
// device that never ends, is recorded without a hash instead of hanging
// the append while it hashes the inputs.
func TestAppendSpecialInputs(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "plan.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, path := range []string{fifo, "/dev/zero"} {
		t.Run(path, func(t *testing.T) {
			s := fill(t, 0)
			done := make(chan error, 1)
			go func() {
				rec, err := s.Append(t.Context(), time.Now(), result(finding.StatusPass, path))
				if err == nil && rec.Inputs[0].SHA256 != "" {
					t.Errorf("input %s hashed: %+v", path, rec.Inputs[0])
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("append hangs on input %s", path)
			}
		})
	}
}

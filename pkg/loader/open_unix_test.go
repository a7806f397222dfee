//go:build unix

package loader

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestOpenDoesNotBlock checks the second line of defence: a file that
// passed the check and was then replaced by a FIFO must not block the
// open. openChecked is given a FIFO directly, without the stat before it.
func TestOpenDoesNotBlock(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := openChecked(fifo)
		if err == nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) || err.Error() != "not a regular file (named pipe)" {
			t.Errorf("err = %v, want ErrNotRegular (named pipe)", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("opening a FIFO blocked")
	}
}

package tenet

import (
	"net"
	"path/filepath"
	"testing"
)

// unreadable makes an input that exists but cannot be opened, even by
// root, which bypasses permission bits: a Unix socket.
func unreadable(t *testing.T, dir string) string {
	t.Helper()
	sock := filepath.Join(dir, "socket.json")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("no Unix socket: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	return sock
}

// TestScanUnreadable checks that an input that cannot be read is one error
// naming it while the other inputs are still evaluated.
func TestScanUnreadable(t *testing.T) {
	dir := t.TempDir()
	bad := plan(t, dir, "bad.json", bucket("b", `{}`, `{}`))
	sock := unreadable(t, dir)
	s, err := New(t.Context(), WithoutBuiltins(), withBundleFS(testBundle()))
	if err != nil {
		t.Fatal(err)
	}
	res := allowIncomplete(t)(s.Scan(t.Context(), sock, bad))
	if res.Summary.Deny != 1 {
		t.Errorf("deny = %d, want 1: the readable plan is still evaluated", res.Summary.Deny)
	}
	want := sock + ": not a regular file (socket)"
	if len(res.Errors) != 1 || res.Errors[0].Path != sock || res.Errors[0].Message != want {
		t.Errorf("errors = %+v, want one naming %s: %q", res.Errors, sock, want)
	}
}

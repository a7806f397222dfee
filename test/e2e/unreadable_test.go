package e2e

import (
	"net"
	"os"
	"path/filepath"
	"testing"
)

// TestUnreadableInput checks that an input that cannot be read is one line
// on stderr naming it, exit code 3, and that the other inputs are still
// reported. Root reads files whatever their mode, so the mode 000 case is
// skipped as root; a Unix socket, which nobody can open as a file, covers
// the same path there.
func TestUnreadableInput(t *testing.T) {
	dir := t.TempDir()
	noPerm := filepath.Join(dir, "secret-plan.json")
	if err := os.WriteFile(noPerm, []byte(`{}`), 0o000); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "socket.json")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatalf("unix socket: %v", err)
	}
	defer l.Close()
	tests := []struct {
		name, path, want string
		needsNonRoot     bool
	}{
		{name: "mode 000", path: noPerm, want: "tenet: " + noPerm + ": open: permission denied\n", needsNonRoot: true},
		{name: "socket", path: sock, want: "tenet: " + sock + ": not a regular file (socket)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.needsNonRoot && os.Geteuid() == 0 {
				t.Skip("root reads files whatever their mode")
			}
			got := run(t, "", "test", tc.path, "test/examples/plan.json")
			if got.code != 3 {
				t.Errorf("exit code = %d, want 3", got.code)
			}
			if got.stderr != tc.want {
				t.Errorf("stderr = %q, want %q", got.stderr, tc.want)
			}
			wantRun(t, got, 3, "TNT-AWS-S3-001", "")
		})
	}
}

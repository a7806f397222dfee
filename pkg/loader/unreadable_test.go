package loader_test

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestReadUnreadable checks that a file that cannot be opened or read is a
// one-line *FileError naming it. Root bypasses permission bits, so besides
// mode 000 (skipped as root) it uses failures root cannot bypass: a
// directory where a file is read, and a Unix socket.
func TestReadUnreadable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sock := filepath.Join(dir, "s.json")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("no Unix socket: %v", err)
	}
	defer l.Close()
	noPerm := filepath.Join(dir, "noperm.json")
	if err := os.WriteFile(noPerm, []byte(`{}`), 0o000); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
		needsNonRoot     bool
	}{
		{name: "directory", path: dir, want: dir + ": no Terraform configuration files (.tf, .tf.json) in the directory"},
		{name: "socket", path: sock, want: sock + ": not a regular file (socket)"},
		{name: "mode 000", path: noPerm, want: noPerm + ": open: permission denied", needsNonRoot: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.needsNonRoot && os.Geteuid() == 0 {
				t.Skip("root reads files whatever their mode")
			}
			_, err := loader.Read(t.Context(), tc.path, loader.Options{})
			var fe *loader.FileError
			if !errors.As(err, &fe) || fe.Path != tc.path {
				t.Fatalf("err = %#v, want a FileError naming %s", err, tc.path)
			}
			if err.Error() != tc.want {
				t.Errorf("err = %q, want %q", err, tc.want)
			}
		})
	}
}

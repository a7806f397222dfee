//go:build unix

package loader_test

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// within runs f and fails the test if it has not returned after 10 s: a
// regression must fail, not hang the test binary until its own timeout.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return within 10 s (blocked on a special file?)", what)
	}
}

// specialFiles makes, in dir, one of each input that is not a regular
// file, and returns their paths by name.
func specialFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	p := map[string]string{
		"fifo":          filepath.Join(dir, "fifo.json"),
		"link to fifo":  filepath.Join(dir, "link-to-fifo.json"),
		"socket":        filepath.Join(dir, "socket.json"),
		"dangling link": filepath.Join(dir, "dangling.json"),
		"link loop":     filepath.Join(dir, "loop-a.json"),
	}
	if err := syscall.Mkfifo(p["fifo"], 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	l, err := net.Listen("unix", p["socket"])
	if err != nil {
		t.Skipf("no Unix socket: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	for link, target := range map[string]string{
		p["link to fifo"]:                 "fifo.json",
		p["dangling link"]:                "nowhere.json",
		p["link loop"]:                    "loop-b.json",
		filepath.Join(dir, "loop-b.json"): "loop-a.json",
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// TestReadNotRegular checks that an input that is not a regular file is
// one error line, at once: opening a FIFO waits for a writer, and reading
// a device may never end, which hung tenet (and tenet watch, whose
// /healthz kept saying ok). A dangling or looping link is an error too.
func TestReadNotRegular(t *testing.T) {
	dir := t.TempDir()
	p := specialFiles(t, dir)
	tests := []struct{ name, path, want string }{
		{name: "fifo", path: p["fifo"], want: ": not a regular file (named pipe)"},
		{name: "link to fifo", path: p["link to fifo"], want: ": not a regular file (named pipe)"},
		{name: "socket", path: p["socket"], want: ": not a regular file (socket)"},
		{name: "char device", path: "/dev/null", want: ": not a regular file (character device)"},
		{name: "terminal device", path: "/dev/tty", want: ": not a regular file (character device)"},
		{name: "directory", path: dir, want: ": no Terraform configuration files (.tf, .tf.json) in the directory"},
		{name: "dangling link", path: p["dangling link"], want: `: broken symbolic link (to "nowhere.json")`},
		{name: "link loop", path: p["link loop"], want: ": symbolic link loop"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Lstat(tc.path); err != nil {
				t.Skipf("no %s: %v", tc.path, err)
			}
			var err error
			within(t, "Read", func() { _, err = loader.Read(t.Context(), tc.path, loader.Options{}) })
			var fe *loader.FileError
			if !errors.As(err, &fe) || fe.Path != tc.path {
				t.Fatalf("err = %v, want a FileError naming %s", err, tc.path)
			}
			if want := tc.path + tc.want; err.Error() != want {
				t.Errorf("err = %q, want %q", err, want)
			}
		})
	}
}

// TestFilesNotRegular checks that walking a directory reports each
// special file or broken link with a known extension as an error, without
// opening it, and still lists the regular files beside them.
func TestFilesNotRegular(t *testing.T) {
	dir := t.TempDir()
	p := specialFiles(t, dir)
	good := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(good, []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// Not inputs by their names, and not reported: as any other file.
	if err := syscall.Mkfifo(filepath.Join(dir, "notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", filepath.Join(dir, "README")); err != nil {
		t.Fatal(err)
	}
	var (
		files []string
		errs  []error
	)
	within(t, "Files", func() { files, errs = loader.Files([]string{dir, p["fifo"]}) })
	if diff := cmp.Diff([]string{good}, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	var got []string
	for _, err := range errs {
		got = append(got, strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		`dangling.json: broken symbolic link (to "nowhere.json")`,
		"fifo.json: not a regular file (named pipe)",
		"link-to-fifo.json: not a regular file (named pipe)",
		"loop-a.json: symbolic link loop",
		"loop-b.json: symbolic link loop",
		"socket.json: not a regular file (socket)",
		"fifo.json: not a regular file (named pipe)", // the argument
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

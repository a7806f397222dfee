//go:build unix

package e2e

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFileInput runs tenet on a directory holding a named pipe
// (and a link to one, and a broken link) beside a plan: it used to block
// forever opening the pipe. It must exit 3 at once with one line for
// each, and still report the plan.
func TestSpecialFileInput(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(repoRoot, "test/examples/plan.json"), filepath.Join(dir, "plan.json"))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	for link, target := range map[string]string{"link.json": "pipe.json", "broken.yaml": "gone.yaml"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "test", dir, "/dev/null")
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("tenet did not finish within 60 s (blocked on the named pipe?)")
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Errorf("exit: %v, want code 3", err)
	}
	want := []string{
		"tenet: " + filepath.Join(dir, "broken.yaml") + `: broken symbolic link (to "gone.yaml")`,
		"tenet: " + filepath.Join(dir, "link.json") + ": not a regular file (named pipe)",
		"tenet: " + filepath.Join(dir, "pipe.json") + ": not a regular file (named pipe)",
		"tenet: /dev/null: not a regular file (character device)",
	}
	if got := strings.Split(strings.TrimSpace(stderr.String()), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), strings.Join(want, "\n"))
	}
	if !strings.Contains(stdout.String(), "TNT-AWS-S3-001") {
		t.Errorf("the plan beside them was not evaluated:\n%s", stdout.String())
	}
}

// TestWatchSpecialFile runs tenet watch on a directory holding a named
// pipe: the scan used to block on it, so no run was ever recorded, /healthz
// kept answering ok and SIGTERM waited for the scan forever. The run must
// complete with the pipe as an input error, and SIGTERM must stop it.
func TestWatchSpecialFile(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "diff", "pod-old.yaml"), filepath.Join(dir, "pod.yaml"))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	w := startWatch(t, "", "--interval", "1h", "--listen", "127.0.0.1:0", "--history", filepath.Join(t.TempDir(), "h"), dir)
	cmd, log, readDone := w.cmd, w.log, w.done
	log.waitMatch(t, `run 1 \(start\) .* 1 input errors; not compared \(incomplete\)`)

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-readDone:
	case <-time.After(10 * time.Second):
		t.Fatalf("still running 10 s after SIGTERM; log:\n%s", log)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("after SIGTERM: %v; log:\n%s", err, log)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopping took %s", d)
	}
}

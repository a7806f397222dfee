// Running a peer and timing it.

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// measure runs args with stdout to out and returns its wall time and peak
// RSS. The tool is started by a fresh copy of this program (spawn), not by
// the driver itself: Go starts children with vfork semantics, and Linux
// then counts the parent's own peak memory (large here: the driver reads
// big outputs to count findings) as the child's.
func measure(ctx context.Context, self string, args []string, out string) (sample, error) {
	f, err := os.Create(out)
	if err != nil {
		return sample{}, err
	}
	defer f.Close()
	report := out + ".spawn"
	defer os.Remove(report)
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, self, append([]string{"-spawn", report}, args...)...)
	cmd.Stdout, cmd.Stderr = f, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	// Exit status 1 is policy failures for tenet and conftest, but conftest
	// exits 1 on errors too, saying so on standard error.
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1 && !strings.Contains(stderr.String(), "Error:")) {
		return sample{}, fmt.Errorf("%w: %s", err, stderr.String())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return sample{}, fmt.Errorf("%s: no measurement: %w: %s", args[0], err, stderr.String())
	}
	var wallNS, rssKB int64
	if _, err := fmt.Sscan(string(data), &wallNS, &rssKB); err != nil {
		return sample{}, fmt.Errorf("%s: bad measurement %q: %w", args[0], data, err)
	}
	return sample{wall: time.Duration(wallNS), rss: rssKB << 10}, nil
}

// spawn runs args as a child with this process's standard streams, writes
// its wall time (ns) and peak RSS (KiB, Linux's unit) to report, and
// returns its exit code. It runs in a fresh process whose own memory is
// small, so the child's peak RSS is the child's.
func spawn(report string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "benchpeers:", err)
		return 1
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	if err := os.WriteFile(report, fmt.Appendf(nil, "%d %d\n", wall.Nanoseconds(), rss), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeers:", err)
		return 1
	}
	return cmd.ProcessState.ExitCode()
}

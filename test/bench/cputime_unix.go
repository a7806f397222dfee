//go:build unix

package bench

import (
	"syscall"
	"time"
)

// CPUTime is the user and system time of this process so far. The scale
// tests and benchmarks compare CPU time, not wall time, so that other
// processes (go test runs packages side by side) do not move their ratios.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

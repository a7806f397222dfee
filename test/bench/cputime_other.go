//go:build !unix

package bench

import "time"

var started = time.Now()

// CPUTime is, where the process's CPU time is not read, the wall time
// since the package was loaded: ratios of it hold only on an idle machine.
func CPUTime() time.Duration { return time.Since(started) }

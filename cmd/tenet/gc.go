package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// gcPercent is the collector's target when GOGC is not set. A scan
// allocates several times its input while the live heap stays small, so
// Go's default (100) spends a fifth to a quarter of the CPU collecting:
// at 200, `tenet test` on a 10,000-resource plan takes about 20% less
// time for about 40% more peak memory (docs/performance.md).
const gcPercent = 200

// tuneGC sets the collector for a short-lived scan unless the user set
// GOGC, and, unless GOMEMLIMIT is set, a soft memory limit at three
// quarters of the memory the process may use, so that the larger target
// never costs an out-of-memory kill: near the limit the collector runs
// more often instead.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		if n := availableMemory(); n > 0 {
			debug.SetMemoryLimit(n / 4 * 3)
		}
	}
}

// cgroupLimit reads a cgroup memory limit file: v2's memory.max ("max" or
// bytes) or v1's memory.limit_in_bytes. 0 means no limit.
func cgroupLimit(content string) int64 {
	s := strings.TrimSpace(content)
	n, err := strconv.ParseInt(s, 10, 64)
	// v1 writes a huge number, rounded to the page size, for no limit.
	if err != nil || n <= 0 || n >= 1<<62 {
		return 0
	}
	return n
}

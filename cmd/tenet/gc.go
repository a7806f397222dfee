package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
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

// gcPercentSmall is the collector's target for a scan whose inputs total
// less than smallInputs (unless the user set GOGC). Its heap is then mostly
// the compiled rules, which every collection marks again while the many
// small documents load and evaluate: on 1,000 manifests (1.1 MB) 400 takes
// about 15% off the time for about 35 MB more peak memory
// (docs/performance.md). Larger inputs keep gcPercent, which bounds their
// peak memory.
const (
	gcPercentSmall = 400
	smallInputs    = 8 << 20
)

// ownerKey marks the context of a command that owns its process (main), and
// so may tune the collector for its inputs; the tests that run commands in
// their own process leave it out.
type ownerKey struct{}

func withProcessOwner(ctx context.Context) context.Context {
	return context.WithValue(ctx, ownerKey{}, true)
}

// hugeHeapBase, hugeHeapPerInput and hugeHeapInputs size the heap range a
// scan reserves on huge pages (adviseHugePages): about the compiled library
// and a scan's own working set, and 24 times its inputs (counted up to 256
// MB; standard input counts that much), a little more than the range its
// heap spans (the 50,000-resource plan, 92 MB, peaks at about 1 GB). The
// range is address space, not memory: the heap uses what it needs of it,
// and past its end grows on 4 KiB pages as without the advice. Its
// bookkeeping costs the runtime about 2 MB of memory a gigabyte.
const (
	hugeHeapBase     = 512 << 20
	hugeHeapPerInput = 24
	hugeHeapInputs   = 256 << 20
)

// tuneForInputs tunes a process the command owns for the scan of paths:
// it raises the collector's target for small inputs (gcPercentSmall)
// unless GOGC is set, and lets the heap grow on huge pages, reserving a
// range proportional to the inputs, at most half the memory the process
// may use.
func tuneForInputs(ctx context.Context, paths []string) {
	if owner, _ := ctx.Value(ownerKey{}).(bool); !owner {
		return
	}
	n := inputBytes(paths, hugeHeapInputs)
	if n < smallInputs && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercentSmall)
	}
	adviseHugePages(hugeHeapSize(n, availableMemory()))
}

// hugeHeapSize is the heap range to reserve on huge pages for inputs of n
// bytes in a process that may use available bytes: at most half of them,
// and nothing where that is less than the base (a small container, or
// memory unknown).
func hugeHeapSize(n, available int64) int64 {
	limit := available / 2
	if limit <= hugeHeapBase {
		return 0
	}
	return min(hugeHeapBase+hugeHeapPerInput*min(n, hugeHeapInputs), limit)
}

// inputBytes is the size of the files under paths, counted up to limit: the
// files of a directory, whatever tenet reads of them, and limit for
// standard input ("-"), whose size is unknown. A path it cannot read
// counts nothing: the scan reports it.
func inputBytes(paths []string, limit int64) int64 {
	var n int64
	for _, p := range paths {
		if p == "-" {
			return limit
		}
		// Errors end the walk of one path; what was counted stands.
		_ = filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			if n += info.Size(); n >= limit {
				return filepath.SkipAll
			}
			return nil
		})
		if n >= limit {
			return limit
		}
	}
	return n
}

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

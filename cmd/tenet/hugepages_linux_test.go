package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestHugePagesAdvisable(t *testing.T) {
	for _, tc := range []struct {
		thp, overcommit, godebug string
		want                     bool
	}{
		{"always [madvise] never", "0", "", true},
		{"always [madvise] never", "1", "gctrace=1", true},
		{"[always] madvise never", "0", "", false},
		{"always madvise [never]", "0", "", false},
		{"", "0", "", false}, // no transparent huge pages in this kernel
		{"always [madvise] never", "2", "", false},
		{"always [madvise] never", "0", "disablethp=1", false},
		{"always [madvise] never", "0", "gctrace=1, madvdontneed=0", false},
		{"always [madvise] never", "0", "harddecommit=1", false},
	} {
		if got := hugePagesAdvisable(tc.thp, tc.overcommit, tc.godebug); got != tc.want {
			t.Errorf("hugePagesAdvisable(%q, %q, %q) = %v, want %v", tc.thp, tc.overcommit, tc.godebug, got, tc.want)
		}
	}
}

// TestReserveHugeHeapTouchesNothing guards what adviseHugePages relies on
// in the runtime: a range allocated right after every free page was
// released is not cleared, so reserving it costs no memory. Were it
// cleared, a gigabyte would be touched: 262,144 page faults.
func TestReserveHugeHeapTouchesNothing(t *testing.T) {
	if strings.Contains(os.Getenv("GODEBUG"), "madvdontneed") {
		t.Skip("GODEBUG changes how the heap releases memory")
	}
	if raceDetector() {
		t.Skip("the race detector maps shadow memory for every allocation")
	}
	faults, rss := minorFaults(t), residentBytes(t)
	reserveHugeHeap(1 << 30)
	if n := minorFaults(t) - faults; n > 20000 {
		t.Errorf("reserving 1 GiB took %d page faults", n)
	}
	if n := residentBytes(t) - rss; n > 128<<20 {
		t.Errorf("reserving 1 GiB made %d MiB resident", n>>20)
	}
}

// TestReserveHugeHeapBacksHeap: memory the heap takes from the reserved
// range is backed by huge pages, where the kernel offers them.
func TestReserveHugeHeapBacksHeap(t *testing.T) {
	thp := readSetting("/sys/kernel/mm/transparent_hugepage/enabled")
	if !strings.Contains(thp, "[madvise]") && !strings.Contains(thp, "[always]") {
		t.Skipf("transparent huge pages off here (%q)", thp)
	}
	before := anonHugeBytes(t)
	reserveHugeHeap(512 << 20)
	b := make([]byte, 64<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	after := anonHugeBytes(t)
	runtime.KeepAlive(b)
	if after-before < 32<<20 {
		t.Errorf("64 MiB of heap from the reserved range: %d MiB on huge pages, want at least 32", (after-before)>>20)
	}
}

// raceDetector reports whether the test binary was built with -race.
func raceDetector() bool {
	info, ok := debug.ReadBuildInfo()
	return ok && slices.Contains(info.Settings, debug.BuildSetting{Key: "-race", Value: "true"})
}

func minorFaults(t *testing.T) int64 {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return ru.Minflt
}

// residentBytes is the process's resident set (/proc/self/statm).
func residentBytes(t *testing.T) int64 {
	t.Helper()
	f := strings.Fields(readSetting("/proc/self/statm"))
	if len(f) < 2 {
		t.Skip("no /proc/self/statm")
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return pages * int64(os.Getpagesize())
}

// anonHugeBytes is the process's anonymous memory on huge pages
// (/proc/self/smaps_rollup).
func anonHugeBytes(t *testing.T) int64 {
	t.Helper()
	for _, line := range strings.Split(readSetting("/proc/self/smaps_rollup"), "\n") {
		if rest, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Skip("no AnonHugePages in /proc/self/smaps_rollup")
	return 0
}

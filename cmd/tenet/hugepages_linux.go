package main

import (
	"os"
	"runtime/debug"
	"strings"
	"syscall"
)

// adviseHugePages lets a scan's heap grow on 2 MiB pages where the kernel
// leaves that choice to the program (transparent_hugepage set to madvise,
// as on the benchmark's machine). A scan fills a heap
// of several hundred megabytes once, and on 4 KiB pages each of them costs
// a page fault the first time it is touched: about 70,000 for the 10,000-
// resource plan, a sixth of its time on a virtual machine
// (docs/performance.md, "Huge pages").
//
// Go does not advise its heap itself, so tenet reserves size bytes of it
// ahead: it allocates them, advises the kernel, and frees them. The heap
// then takes its pages from that range, lowest first, and the kernel backs
// each 2 MiB of it with one page. Nothing of it is touched until used:
// every free page is released to the kernel first, so that the allocation
// is made of released or new pages, which the runtime knows to be zero and
// does not clear (TestReserveHugeHeapTouchesNothing guards that).
//
// It does nothing under GODEBUG settings that change how the heap returns
// memory (disablethp, madvdontneed, harddecommit), or where the kernel
// counts every mapping against a fixed commit limit
// (vm.overcommit_memory=2).
func adviseHugePages(size int64) {
	if size <= 0 || !hugePagesAdvisable(readSetting("/sys/kernel/mm/transparent_hugepage/enabled"),
		readSetting("/proc/sys/vm/overcommit_memory"), os.Getenv("GODEBUG")) {
		return
	}
	reserveHugeHeap(size)
}

// reserveHugeHeap allocates size bytes of heap, advises the kernel to back
// them with huge pages and frees them: released, they cost no memory until
// the heap uses them.
func reserveHugeHeap(size int64) {
	debug.FreeOSMemory()
	advise(size)
	debug.FreeOSMemory()
}

// advise allocates size bytes of heap and advises the kernel to back them
// with huge pages. An error leaves them on 4 KiB pages, as without the
// advice.
func advise(size int64) {
	_ = syscall.Madvise(make([]byte, size), syscall.MADV_HUGEPAGE)
}

// hugePagesAdvisable reports whether advising the heap helps and is safe,
// given the kernel's transparent huge page mode, its overcommit policy and
// GODEBUG.
func hugePagesAdvisable(thp, overcommit, godebug string) bool {
	// "always" backs the heap with huge pages already; "never" refuses them.
	if !strings.Contains(thp, "[madvise]") || overcommit == "2" {
		return false
	}
	for _, kv := range strings.Split(godebug, ",") {
		switch strings.TrimSpace(strings.SplitN(kv, "=", 2)[0]) {
		case "disablethp", "madvdontneed", "harddecommit":
			return false
		}
	}
	return true
}

func readSetting(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(data))
}

package main

import (
	"os"
	"syscall"
)

// availableMemory is the physical memory, or the container's cgroup limit
// if lower; 0 if unknown.
func availableMemory() int64 {
	var info syscall.Sysinfo_t
	if err := syscall.Sysinfo(&info); err != nil {
		return 0
	}
	n := int64(info.Totalram) * int64(info.Unit)
	for _, path := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if limit := cgroupLimit(string(data)); limit > 0 && limit < n {
			n = limit
		}
	}
	return n
}

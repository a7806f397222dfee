//go:build !linux

package main

// availableMemory is unknown here: no soft memory limit is set.
func availableMemory() int64 { return 0 }

//go:build !linux

package main

// adviseHugePages does nothing here: only Linux lets a program ask for
// huge pages this way.
func adviseHugePages(int64) {}

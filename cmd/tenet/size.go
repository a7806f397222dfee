package main

import (
	"fmt"
	"strconv"
	"strings"
)

// memoryFlag is --max-memory: a size in bytes with an optional unit (KiB,
// MiB, GiB, or KB, MB, GB), "auto" for the default or 0 for no limit.
type memoryFlag struct {
	n    int64
	auto bool
}

// autoMemoryShare is the share of the machine's or container's memory
// that --max-memory auto allows the heap: above the soft limit tuneGC sets
// (three quarters), so that the collector has tried before the guard
// stops a scan, and below all of it, so that the guard acts before the
// kernel's out-of-memory killer does.
const autoMemoryNum, autoMemoryDen = 7, 8

func (m *memoryFlag) String() string {
	if m.auto {
		return "auto"
	}
	return strconv.FormatInt(m.n, 10)
}

func (m *memoryFlag) Type() string { return "size" }

func (m *memoryFlag) Set(s string) error {
	if s == "auto" {
		*m = memoryFlag{auto: true}
		return nil
	}
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*m = memoryFlag{n: n}
	return nil
}

// bytes is the limit in bytes; auto is 7/8 of the memory available, or no
// limit where that is unknown.
func (m *memoryFlag) bytes() int64 {
	if !m.auto {
		return m.n
	}
	return availableMemory() / autoMemoryDen * autoMemoryNum
}

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1},
}

// parseSize reads "512MiB", "4GB", "1073741824".
func parseSize(s string) (int64, error) {
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("invalid size %q (want bytes, or a number with KiB, MiB, GiB, KB, MB or GB)", s)
	}
	return n * mult, nil
}

// sizeFlag is a size in bytes with an optional unit, as --max-memory
// takes it.
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *sizeFlag) Type() string { return "size" }

func (s *sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s = sizeFlag(n)
	return nil
}

//go:build unix

package loader

import (
	"os"
	"syscall"
)

// openFlags open without waiting: for a named pipe, open(2) would block
// until a writer appears. On a regular file O_NONBLOCK changes nothing.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK

//go:build unix

package conftestfn

import "syscall"

// openNonblock opens without waiting for a writer on a named pipe.
const openNonblock = syscall.O_NONBLOCK

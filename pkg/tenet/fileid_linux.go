//go:build linux

package tenet

import (
	"fmt"
	"os"
	"syscall"
)

// fileIdentity names the file at path as it is now: device, inode, size,
// modification and change times; false where they cannot be read.
func fileIdentity(path string) (string, bool) {
	info, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d:%d:%d:%d:%d.%d", st.Dev, st.Ino, st.Size, info.ModTime().UnixNano(), st.Ctim.Sec, st.Ctim.Nsec), true
}

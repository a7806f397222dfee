//go:build unix

package evalcache

import (
	"fmt"
	"os"
	"syscall"
)

// checkPrivate refuses a cache directory that another user owns or that
// group or others may write to: they could plant results that hide
// findings.
func checkPrivate(dir string) error {
	info, err := statDir(dir)
	if err != nil {
		return err
	}
	if info.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("cache directory %s is writable by group or others (mode %#o): its results could be forged; chmod 700 it or choose another", dir, info.Mode().Perm())
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("cache directory %s belongs to uid %d, not to this user: its results could be forged", dir, st.Uid)
	}
	return nil
}

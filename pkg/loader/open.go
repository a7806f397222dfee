package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is an input that is not a regular file: a named pipe, a
// socket, a device or a directory. Opening a named pipe waits for a
// writer and reading a device may never end, so tenet opens only regular
// files; "-" reads standard input, whatever it is.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens the regular file at path for reading, as Read does;
// code that reads inputs itself (to hash them, say) should open them with
// it. A path that is something else is refused from its metadata, without
// opening it (opening some devices has effects, such as rewinding a tape).
// The file could be replaced between that check and the open, so the open
// does not block and the opened file is checked again. Errors are
// *FileErrors naming path; ErrNotRegular matches a special file.
func OpenRegular(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: statError(path, err)}
	}
	if !info.Mode().IsRegular() {
		return nil, &FileError{Path: path, Err: notRegular(info.Mode())}
	}
	f, err := openChecked(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	return f, nil
}

// openChecked opens path without blocking (see openFlags) and refuses
// what is not a regular file once open.
func openChecked(path string) (*os.File, error) {
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, statError(path, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, unwrapPathError(err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(info.Mode())
	}
	return f, nil
}

// notRegular names the kind of a file that is not regular.
func notRegular(m fs.FileMode) error {
	kind := "irregular file"
	switch {
	case m.IsDir():
		kind = "directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "block device"
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, kind)
}

// statError explains why path could not be found or opened, telling a
// broken or looping symbolic link from a missing file.
func statError(path string, err error) error {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return errors.New("symbolic link loop")
	case errors.Is(err, fs.ErrNotExist):
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			if target, rerr := os.Readlink(path); rerr == nil {
				return fmt.Errorf("broken symbolic link (to %q)", target)
			}
			return errors.New("broken symbolic link")
		}
	}
	return unwrapPathError(err)
}

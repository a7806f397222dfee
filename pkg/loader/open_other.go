//go:build !unix

package loader

import "os"

// openFlags are plain on systems without O_NONBLOCK for open (Windows,
// where named pipes are not files in a directory): the check before the
// open is what refuses special files there.
const openFlags = os.O_RDONLY

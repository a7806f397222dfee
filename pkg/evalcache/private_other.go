//go:build !unix

package evalcache

// checkPrivate checks that dir is a directory; ownership and modes are
// left to the system's ACLs where they are not Unix ones.
func checkPrivate(dir string) error {
	_, err := statDir(dir)
	return err
}

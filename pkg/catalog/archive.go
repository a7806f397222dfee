package catalog

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
)

// The default bundle archive limits. A bundle holds Rego text and some
// data: the built-in bundles are about 500 files and 1.5 MB in all, and the
// largest public rule libraries a few thousand files. The limits leave two
// orders of magnitude of room for real bundles while a crafted archive (a
// few KB of gzip that would expand to many GB) is refused before it is
// held in memory. The total matches OPA's own bundle size limit.
const (
	DefaultMaxArchiveBytes     = 1 << 30 // 1 GiB uncompressed, all entries
	DefaultMaxArchiveFileBytes = 64 << 20
	DefaultMaxArchiveFiles     = 10_000
)

// ArchiveLimits bounds what a .tar.gz bundle may hold. A zero field means
// its default.
type ArchiveLimits struct {
	// MaxBytes bounds the uncompressed size of all entries together.
	MaxBytes int64
	// MaxFileBytes bounds the uncompressed size of one entry.
	MaxFileBytes int64
	// MaxFiles bounds the number of entries, directories included.
	MaxFiles int
}

func (l ArchiveLimits) withDefaults() ArchiveLimits {
	l.MaxBytes = byteLimit(l.MaxBytes, DefaultMaxArchiveBytes)
	l.MaxFileBytes = byteLimit(l.MaxFileBytes, DefaultMaxArchiveFileBytes)
	l.MaxFiles = orDefault(l.MaxFiles, DefaultMaxArchiveFiles)
	return l
}

// orDefault is v, or def where v is zero or negative: the limits' zero
// value means "the default".
func orDefault[T int | int64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// MaxByteLimit is the largest limit in bytes that a larger one stands for,
// far beyond any input: the readers, OPA's among them, ask for a byte past
// a limit to tell an input over it, and past math.MaxInt64 they would ask
// for none and read every file as empty.
const MaxByteLimit = 1 << 62

// byteLimit is orDefault for a limit in bytes, at most MaxByteLimit.
func byteLimit(v, def int64) int64 {
	return min(orDefault(v, def), MaxByteLimit)
}

// archive is a bundle archive read into memory and checked.
type archive struct {
	data []byte
	// signatures holds the content of each .signatures.json entry.
	signatures [][]byte
}

// readArchiveFile reads a bundle archive into memory, refusing one larger
// than the limit on its expansion: gzip never makes real data larger.
// Reading once and handing OPA the same bytes means the file checked is
// the file loaded.
func readArchiveFile(path string, lim ArchiveLimits) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("archive is larger than %d bytes (the limit)", lim.MaxBytes)
	}
	return data, nil
}

// checkArchive checks every entry of a bundle archive against the limits
// before OPA's reader sees it: OPA's tarball loader bounds each file but
// not their number or total, and silently skips links.
func checkArchive(data []byte, lim ArchiveLimits, budget *dataBudget, rego *regoBudget) (*archive, error) {
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("archive is larger than %d bytes (the limit)", lim.MaxBytes)
	}
	a := &archive{data: data}
	if err := a.check(lim, budget, rego); err != nil {
		return nil, err
	}
	return a, nil
}

// check walks the gzip-compressed tar stream and refuses it at the first
// entry that breaks a limit or is not a plain file or directory inside the
// bundle. Data files are charged to budget and Rego files to rego as they
// are read, so data that would explode once decoded, or Rego once parsed,
// is refused before OPA decodes or parses it.
func (a *archive) check(lim ArchiveLimits, budget *dataBudget, rego *regoBudget) error {
	gz, err := gzip.NewReader(bytes.NewReader(a.data))
	if err != nil {
		return fmt.Errorf("not a gzip-compressed bundle archive: %w", err)
	}
	tr := tar.NewReader(gz)
	var total int64
	for n := 1; ; n++ {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read archive: %w", err)
		}
		if n > lim.MaxFiles {
			return fmt.Errorf("archive has more than %d entries (the limit)", lim.MaxFiles)
		}
		if err := checkEntry(h); err != nil {
			return fmt.Errorf("bundle entry %q %w", h.Name, err)
		}
		if h.Size > lim.MaxFileBytes {
			return fmt.Errorf("bundle entry %q is larger than %d bytes (the limit for one file): %d bytes", h.Name, lim.MaxFileBytes, h.Size)
		}
		// Count what the entry really holds, not only what its header says.
		body := &countingReader{r: io.LimitReader(tr, lim.MaxFileBytes+1)}
		var r io.Reader = body
		var sig bytes.Buffer
		if path.Base(h.Name) == ".signatures.json" {
			r = io.TeeReader(body, &sig)
		}
		if kind := bundleDataKind(h.Name); kind != notData && h.Typeflag == tar.TypeReg {
			if err := budget.charge(r, h.Size, kind); err != nil {
				return fmt.Errorf("bundle entry %q: %w", h.Name, err)
			}
		}
		if isRego(h.Name) && h.Typeflag == tar.TypeReg {
			if err := rego.charge(r, h.Size); err != nil {
				return fmt.Errorf("bundle entry %q: %w", h.Name, err)
			}
		}
		if _, err := io.Copy(io.Discard, r); err != nil {
			return fmt.Errorf("bundle entry %q: %w", h.Name, err)
		}
		total += body.n
		if sig.Len() > 0 {
			a.signatures = append(a.signatures, sig.Bytes())
		}
		if total > lim.MaxBytes {
			return fmt.Errorf("archive expands to more than %d bytes (the limit) at entry %q", lim.MaxBytes, h.Name)
		}
	}
}

// checkEntry refuses links, special files and names that could point
// outside the bundle. A leading "/" is allowed: it is how opa build writes
// every entry, and tenet never extracts an archive to disk, so it only
// means the bundle root.
func checkEntry(h *tar.Header) error {
	name := h.Name
	switch {
	case name == "":
		return errors.New("has an empty name")
	case strings.ContainsRune(name, '\\'):
		return errors.New("has a backslash in its path (entries use \"/\")")
	case len(name) >= 2 && name[1] == ':' || strings.HasPrefix(name, "//"):
		return errors.New("is an absolute path (a drive or network path)")
	case slices.Contains(strings.Split(name, "/"), ".."):
		return errors.New("points outside the bundle (\"..\" in its path)")
	}
	switch h.Typeflag {
	case tar.TypeReg, tar.TypeDir, tar.TypeXGlobalHeader:
		return nil
	case tar.TypeSymlink:
		return fmt.Errorf("is a symbolic link (to %q): bundle archives may hold only files and directories", h.Linkname)
	case tar.TypeLink:
		return fmt.Errorf("is a hard link (to %q): bundle archives may hold only files and directories", h.Linkname)
	default:
		return fmt.Errorf("is a special file (tar type %q): bundle archives may hold only files and directories", h.Typeflag)
	}
}

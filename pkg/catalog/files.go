package catalog

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// File is one file of a bundle, by its slash-separated path in the bundle.
type File struct {
	Path string
	Data []byte
}

// ArchiveFiles returns the files of a bundle archive (.tar.gz) in archive
// order, by their paths without opa build's leading "/", for copying the
// bundle elsewhere (a registry, a directory). The archive is checked as a
// load checks it: no links, special files or paths outside the bundle, and
// within the limits; directories are left out. Zero limits mean the
// defaults.
func ArchiveFiles(data []byte, lim ArchiveLimits) ([]File, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("archive is larger than %d bytes (the limit)", lim.MaxBytes)
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a gzip-compressed bundle archive: %w", err)
	}
	tr := tar.NewReader(gz)
	var (
		files []File
		total int64
		seen  = map[string]bool{}
	)
	for n := 1; ; n++ {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read archive: %w", err)
		}
		if n > lim.MaxFiles {
			return nil, fmt.Errorf("archive has more than %d entries (the limit)", lim.MaxFiles)
		}
		if err := checkEntry(h); err != nil {
			return nil, fmt.Errorf("bundle entry %q %w", h.Name, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		if h.Size > lim.MaxFileBytes {
			return nil, fmt.Errorf("bundle entry %q is larger than %d bytes (the limit for one file): %d bytes", h.Name, lim.MaxFileBytes, h.Size)
		}
		body, err := io.ReadAll(io.LimitReader(tr, lim.MaxFileBytes+1))
		if err != nil {
			return nil, fmt.Errorf("bundle entry %q: %w", h.Name, err)
		}
		if total += int64(len(body)); total > lim.MaxBytes {
			return nil, fmt.Errorf("archive expands to more than %d bytes (the limit) at entry %q", lim.MaxBytes, h.Name)
		}
		name := path.Clean(strings.TrimLeft(h.Name, "/"))
		if name == "." {
			return nil, fmt.Errorf("bundle entry %q has no file name", h.Name)
		}
		if seen[name] {
			return nil, fmt.Errorf("bundle entry %q appears twice", name)
		}
		seen[name] = true
		files = append(files, File{Path: name, Data: body})
	}
}

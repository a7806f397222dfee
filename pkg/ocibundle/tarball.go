package ocibundle

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
)

// Tarball is the bundle as an archive (.tar.gz): the layer itself in OPA's
// layout, the files written in layer order in conftest's. A signed
// bundle's .signatures.json travels as a file like any other, so the
// archive verifies as the one that was pushed.
func (a *Artifact) Tarball() ([]byte, error) {
	if a.Layout == LayoutOPA {
		return a.Archive, nil
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, f := range a.Files {
		h := &tar.Header{Name: f.Path, Mode: 0o644, Size: int64(len(f.Data)), Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

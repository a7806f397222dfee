package catalog_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// TestArchiveInMemory: a bundle held in memory (a download) loads as the
// same archive on disk does, named by its Path (a URL is kept as it is),
// and gets the same checks: signature, limits.
func TestArchiveInMemory(t *testing.T) {
	t.Parallel()
	keys := rsaKeys(t)
	signed, err := os.ReadFile(buildArchive(t, catalog.BuildOptions{Revision: "3.1.0", SigningKey: keys.private}))
	if err != nil {
		t.Fatal(err)
	}
	unsigned, err := os.ReadFile(buildArchive(t, catalog.BuildOptions{Revision: "3.1.0"}))
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://bundles.example/v1/signed.tar.gz"
	verify := &catalog.VerificationKey{Key: keys.public}
	load := func(data []byte, opts catalog.Options) (*catalog.Catalog, error) {
		return catalog.Load(t.Context(), []catalog.Source{{Path: url, Archive: data}, testFrameworks()}, opts)
	}

	cat, err := load(signed, catalog.Options{Verify: verify})
	if err != nil {
		t.Fatal(err)
	}
	if b := cat.Bundles[0]; b.Revision != "3.1.0" || b.Source != url || b.Name != "signed" {
		t.Errorf("bundle = %+v, want revision 3.1.0 from %s", b, url)
	}
	for name := range cat.Modules {
		if !strings.HasPrefix(name, url+"/") {
			t.Errorf("module %q is not named under the URL", name)
		}
	}
	if _, err := load(unsigned, catalog.Options{}); err != nil {
		t.Errorf("unsigned bundle without a key: %v", err)
	}

	bad := []struct {
		name string
		data []byte
		opts catalog.Options
		want error
		msg  string
	}{
		{"unsigned with a key", unsigned, catalog.Options{Verify: verify}, catalog.ErrUnsigned, ""},
		{"signed by another key", signed, catalog.Options{Verify: &catalog.VerificationKey{Key: rsaKeys(t).public}}, catalog.ErrSignature, ""},
		{"not gzip", []byte("<html>not found</html>"), catalog.Options{}, nil, "not a gzip-compressed bundle archive"},
		{"truncated", signed[:len(signed)/2], catalog.Options{}, nil, "unexpected EOF"},
		{"over the size limit", signed, catalog.Options{ArchiveLimits: catalog.ArchiveLimits{MaxBytes: int64(len(signed)) - 1}}, nil, "larger than"},
		{"empty", []byte{}, catalog.Options{}, nil, "not a gzip"},
	}
	for _, tc := range bad {
		_, err := load(tc.data, tc.opts)
		var pe *catalog.PolicyError
		switch {
		case err == nil:
			t.Errorf("%s: loaded", tc.name)
		case !errors.As(err, &pe) || pe.File != url:
			t.Errorf("%s: %v, want a PolicyError naming %s", tc.name, err, url)
		case tc.want != nil && !errors.Is(err, tc.want):
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		case tc.msg != "" && !strings.Contains(err.Error(), tc.msg):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.msg)
		}
	}
	if !bytes.Equal(signed[:2], []byte{0x1f, 0x8b}) {
		t.Error("the built bundle is not gzip")
	}
}

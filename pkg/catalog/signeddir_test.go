package catalog_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// extract writes the files of a bundle archive into a new directory, as
// tar -x or tenet bundle pull would.
func extract(t *testing.T, archive string) string {
	t.Helper()
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	files, err := catalog.ArchiveFiles(data, catalog.ArchiveLimits{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A signed bundle written out as a directory verifies, by an absolute,
// relative or "." path; OPA's file loader refused every one of them
// (".manifest not included in bundle signature", or no .signatures.json
// at ".").
func TestSignedDirectoryVerifies(t *testing.T) {
	keys := rsaKeys(t)
	dir := extract(t, buildArchive(t, catalog.BuildOptions{SigningKey: keys.private}))
	verify := catalog.Options{Verify: &catalog.VerificationKey{Key: keys.public}}
	parent := filepath.Dir(dir)
	t.Chdir(parent)
	for _, p := range []string{dir, filepath.Base(dir), "./" + filepath.Base(dir)} {
		cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: p}, testFrameworks()}, verify)
		if err != nil {
			t.Fatalf("load %s: %v", p, err)
		}
		if len(cat.Rules) == 0 || cat.Bundles[0].Revision != "1.0.0" {
			t.Errorf("load %s: %d rules, bundles %+v", p, len(cat.Rules), cat.Bundles)
		}
	}
	t.Chdir(dir)
	if _, err := catalog.Load(t.Context(), []catalog.Source{{Path: "."}, testFrameworks()}, verify); err != nil {
		t.Fatalf("load .: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.rego"), []byte(goodRule+"\n# changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := catalog.Load(t.Context(), []catalog.Source{{Path: "."}, testFrameworks()}, verify)
	if !errors.Is(err, catalog.ErrSignature) || !strings.Contains(err.Error(), "good.rego") {
		t.Errorf("tampered directory: %v, want a signature error naming good.rego", err)
	}
}

func TestArchiveFiles(t *testing.T) {
	keys := rsaKeys(t)
	data, err := os.ReadFile(buildArchive(t, catalog.BuildOptions{SigningKey: keys.private}))
	if err != nil {
		t.Fatal(err)
	}
	files, err := catalog.ArchiveFiles(data, catalog.ArchiveLimits{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Path)
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"good.rego", "good_test.rego", "data.json", ".manifest", ".signatures.json"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("files %q lack %s", got, want)
		}
	}
	if _, err := catalog.ArchiveFiles(data, catalog.ArchiveLimits{MaxFiles: 2}); err == nil || !strings.Contains(err.Error(), "more than 2 entries") {
		t.Errorf("limit: %v", err)
	}
	if _, err := catalog.ArchiveFiles([]byte("not gzip"), catalog.ArchiveLimits{}); err == nil {
		t.Error("not gzip: no error")
	}
}

// opa sign names the files by the path it was given (signed/good.rego):
// such a directory still verifies when given by that path.
func TestSignedDirectoryOPASignNames(t *testing.T) {
	keys := rsaKeys(t)
	parent := t.TempDir()
	dir := filepath.Join(parent, "signed")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.rego"), []byte(goodRule), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(goodRule))
	token, err := bundle.GenerateSignedToken([]bundle.FileInfo{{Name: "signed/good.rego", Hash: hex.EncodeToString(sum[:]), Algorithm: "SHA-256"}},
		bundle.NewSigningConfig(keys.private, "RS256", ""), "default")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".signatures.json"), []byte(`{"signatures": ["`+token+`"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(parent)
	verify := catalog.Options{Verify: &catalog.VerificationKey{Key: keys.public}}
	if _, err := catalog.Load(t.Context(), []catalog.Source{{Path: "signed"}, testFrameworks()}, verify); err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.rego"), []byte(goodRule+"\n# changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = catalog.Load(t.Context(), []catalog.Source{{Path: "signed"}, testFrameworks()}, verify)
	if !errors.Is(err, catalog.ErrSignature) || !strings.Contains(err.Error(), "digest mismatch") {
		t.Errorf("tampered: %v, want a digest mismatch", err)
	}
}

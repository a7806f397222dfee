package tenet_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	ocispec "github.com/opencontainers/image-spec/specs-go/v1"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/ocibundle"
	"github.com/tenet-dev/tenet/pkg/tenet"
	"github.com/tenet-dev/tenet/test/registry"
)

const ociPolicy = "../../test/e2e/testdata/policy-conftest"

func registryOptions(t *testing.T) tenet.RegistryOptions {
	return tenet.RegistryOptions{DockerConfig: filepath.Join(t.TempDir(), "config.json")}
}

// OPA's layout (one layer holding the bundle archive, as opa run pulls)
// loads from --policy oci:// and pulls into a directory.
func TestRegistryOPALayout(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	var archive bytes.Buffer
	if _, err := tenet.BuildBundle(t.Context(), &archive, []string{ociPolicy}, tenet.BuildOptions{Revision: "7"}); err != nil {
		t.Fatal(err)
	}
	ref := reg.Host + "/opa/bundle:v1"
	digest := registry.PushRaw(t, ref, ocispec.MediaTypeImageConfig, []registry.Layer{{MediaType: ocibundle.MediaTypeBundleLayer, Data: archive.Bytes()}})
	opts := registryOptions(t)

	s, err := tenet.New(t.Context(), tenet.WithoutBuiltins(), tenet.WithPolicy("oci://"+ref), tenet.WithRegistry(opts))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(s.Bundles(), func(b finding.Bundle) bool { return b.Name == "bundle" })
	if i < 0 {
		t.Fatalf("bundles = %+v", s.Bundles())
	}
	if b := s.Bundles()[i]; b.Source != "oci://"+ref+"@"+digest || b.Revision != "7" {
		t.Errorf("bundle = %+v, want source oci://%s@%s, revision 7", b, ref, digest)
	}

	dir := filepath.Join(t.TempDir(), "policy")
	pulled, err := tenet.PullBundle(t.Context(), ref, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if pulled.Layout != "opa" || pulled.Digest != digest || !slices.Contains(pulled.Files, "deployment.rego") {
		t.Errorf("pulled = %+v", pulled)
	}
	if _, err := tenet.New(t.Context(), tenet.WithoutBuiltins(), tenet.WithPolicy(dir)); err != nil {
		t.Errorf("load the pulled directory: %v", err)
	}
	// A second pull never mixes with the files of the first.
	if _, err := tenet.PullBundle(t.Context(), ref, dir, opts); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("pull into a non-empty directory: %v", err)
	}
}

// The OPA layout's archive gets the archive checks when pulled to a
// directory: an entry outside the bundle is refused, nothing is written.
func TestRegistryOPALayoutTraversal(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	ref := reg.Host + "/opa/evil:v1"
	registry.PushRaw(t, ref, ocispec.MediaTypeImageConfig, []registry.Layer{{MediaType: ocibundle.MediaTypeBundleLayer, Data: evilArchive(t)}})
	dir := filepath.Join(t.TempDir(), "policy")
	_, err := tenet.PullBundle(t.Context(), ref, dir, registryOptions(t))
	if err == nil || !strings.Contains(err.Error(), "points outside the bundle") {
		t.Errorf("pull: %v, want the entry refused", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "evil.rego")); err == nil {
		t.Error("evil.rego was written outside the directory")
	}
	_, err = tenet.New(t.Context(), tenet.WithoutBuiltins(), tenet.WithPolicy("oci://"+ref), tenet.WithRegistry(registryOptions(t)))
	if err == nil || !strings.Contains(err.Error(), "points outside the bundle") {
		t.Errorf("--policy oci://: %v, want the entry refused", err)
	}
}

// PushBundle takes policy directories or one archive, not both.
func TestPushBundleSources(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	opts := registryOptions(t)
	archive := filepath.Join(t.TempDir(), "b.tar.gz")
	f, err := os.Create(archive)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tenet.BuildBundle(t.Context(), f, []string{ociPolicy}, tenet.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fromDir, err := tenet.PushBundle(t.Context(), reg.Host+"/p:dir", []string{ociPolicy}, opts)
	if err != nil {
		t.Fatal(err)
	}
	fromArchive, err := tenet.PushBundle(t.Context(), reg.Host+"/p:archive", []string{archive}, opts)
	if err != nil {
		t.Fatal(err)
	}
	// The archive was built from the directory: the same files, the same
	// manifest.
	if fromDir.Digest != fromArchive.Digest {
		t.Errorf("directory pushed as %s, its archive as %s", fromDir.Digest, fromArchive.Digest)
	}
	for _, sources := range [][]string{{archive, ociPolicy}, {archive, archive}} {
		if _, err := tenet.PushBundle(t.Context(), reg.Host+"/p:mixed", sources, opts); err == nil || !strings.Contains(err.Error(), "one bundle archive") {
			t.Errorf("push %v: %v", sources, err)
		}
	}
}

// evilArchive is a bundle archive with an entry that climbs out.
func evilArchive(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, name := range []string{"main.rego", "../evil.rego"} {
		body := []byte("package main\n")
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

package ocibundle_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oras.land/oras-go/v2/content"

	"github.com/tenet-dev/tenet/pkg/ocibundle"
	"github.com/tenet-dev/tenet/test/registry"
)

var policyFiles = []ocibundle.File{
	{Path: "policy/deny.rego", Data: []byte("package main\n\ndeny contains \"no\" if input.bad\n")},
	{Path: "policy/data.json", Data: []byte(`{"limits": {"max": 3}}`)},
}

// anonymous points the credentials at an empty Docker config, so that
// the tests never read the user's own.
func anonymous(t *testing.T) ocibundle.Options {
	return ocibundle.Options{DockerConfig: filepath.Join(t.TempDir(), "config.json")}
}

func TestPushPullRoundTrip(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	ctx := context.Background()
	opts := anonymous(t)
	ref := reg.Host + "/policies/k8s:v1"
	pushed, err := ocibundle.Push(ctx, "oci://"+ref, policyFiles, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pushed.Digest, "sha256:") || pushed.Pinned != reg.Host+"/policies/k8s@"+pushed.Digest || pushed.Layers != 2 {
		t.Fatalf("pushed = %+v", pushed)
	}
	again, err := ocibundle.Push(ctx, ref, policyFiles, opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Digest != pushed.Digest {
		t.Errorf("pushing the same files again changed the digest: %s, then %s", pushed.Digest, again.Digest)
	}
	for _, r := range []string{ref, "oci://" + ref, pushed.Pinned, ref + "@" + pushed.Digest} {
		a, err := ocibundle.Pull(ctx, r, opts)
		if err != nil {
			t.Fatalf("pull %s: %v", r, err)
		}
		if a.Digest != pushed.Digest || a.Layout != ocibundle.LayoutConftest || a.Pinned != pushed.Pinned {
			t.Errorf("pull %s = %+v, want digest %s", r, a, pushed.Digest)
		}
		// Layers are in path order.
		if len(a.Files) != 2 || a.Files[0].Path != "policy/data.json" || !bytes.Equal(a.Files[1].Data, policyFiles[0].Data) {
			t.Errorf("pull %s files = %+v", r, a.Files)
		}
	}
	// Without a tag, the tag is latest, as with conftest and docker.
	if _, err := ocibundle.Push(ctx, reg.Host+"/policies/k8s", policyFiles, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := ocibundle.Pull(ctx, reg.Host+"/policies/k8s:latest", opts); err != nil {
		t.Fatal(err)
	}
}

func TestPullPinnedDigest(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	ctx := context.Background()
	opts := anonymous(t)
	ref := reg.Host + "/policies:v1"
	v1, err := ocibundle.Push(ctx, ref, policyFiles[:1], opts)
	if err != nil {
		t.Fatal(err)
	}
	// The tag moves; the pinned ref still pulls the first push.
	v2, err := ocibundle.Push(ctx, ref, policyFiles, opts)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ocibundle.Pull(ctx, v1.Pinned, opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.Digest != v1.Digest || len(a.Files) != 1 {
		t.Errorf("pinned pull = %s with %d files, want %s with 1", a.Digest, len(a.Files), v1.Digest)
	}
	// tag@digest pulls the digest (docker ignores the tag too).
	if a, err := ocibundle.Pull(ctx, ref+"@"+v1.Digest, opts); err != nil || a.Digest != v1.Digest {
		t.Errorf("tag@digest pull = %v, %v; want %s", a, err, v1.Digest)
	}
	if a, err := ocibundle.Pull(ctx, ref, opts); err != nil || a.Digest != v2.Digest {
		t.Errorf("tag pull = %v, %v; want %s", a, err, v2.Digest)
	}
	missing := reg.Host + "/policies@sha256:" + strings.Repeat("0", 64)
	if _, err := ocibundle.Pull(ctx, missing, opts); !errors.Is(err, ocibundle.ErrNotFound) {
		t.Errorf("pull of an unknown digest: %v, want not found", err)
	}
	if _, err := ocibundle.Push(ctx, v1.Pinned, policyFiles, opts); err == nil || !strings.Contains(err.Error(), "push to a tag") {
		t.Errorf("push to a digest: %v", err)
	}
}

// A compromised registry serves other bytes under a blob's digest: the
// manifest's digest and every layer's are checked, by tag or by digest.
func TestPullRefusesTamperedBlobs(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	ctx := context.Background()
	opts := anonymous(t)
	ref := reg.Host + "/policies:v1"
	pushed, err := ocibundle.Push(ctx, ref, policyFiles, opts)
	if err != nil {
		t.Fatal(err)
	}
	layer := content.NewDescriptorFromBytes(ocibundle.MediaTypePolicyLayer, policyFiles[0].Data)
	tamper(t, reg.BlobPath(layer.Digest.String()), `"no"`, `"ok"`)
	_, err = ocibundle.Pull(ctx, ref, opts)
	if err == nil || !strings.Contains(err.Error(), `layer "policy/deny.rego"`) || !strings.Contains(err.Error(), "mismatch") {
		t.Errorf("tampered layer: %v, want a digest mismatch naming the layer", err)
	}
	tamper(t, reg.BlobPath(pushed.Digest), "policy/deny.rego", "policy/dent.rego")
	for _, r := range []string{ref, pushed.Pinned} {
		_, err := ocibundle.Pull(ctx, r, opts)
		if err == nil || !strings.Contains(err.Error(), "digest mismatch") {
			t.Errorf("tampered manifest, pull %s: %v, want a digest mismatch", r, err)
		}
	}
}

// tamper replaces old by new (of the same length) in a stored blob.
func tamper(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) || len(old) != len(new) {
		t.Fatalf("%s does not hold %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPullUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host := l.Addr().String()
	l.Close() // nothing listens there now
	_, err = ocibundle.Pull(context.Background(), host+"/policies:v1", anonymous(t))
	if !errors.Is(err, ocibundle.ErrUnreachable) || !strings.Contains(err.Error(), "registry "+host) || strings.Contains(err.Error(), "\n") {
		t.Errorf("unreachable registry: %v, want one line naming %s", err, host)
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost:5000": true, "LOCALHOST": true, "127.0.0.1:5000": true, "127.1.2.3": true, "[::1]:5000": true,
		"::1": true, "ghcr.io": false, "10.0.0.1:5000": false, "localhost.example.com": false, "[::2]:80": false,
	} {
		if got := ocibundle.IsLoopback(host); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestParseRef(t *testing.T) {
	for in, want := range map[string]string{
		"oci://ghcr.io/org/policies:v1":                      "ghcr.io/org/policies:v1",
		"ghcr.io/org/policies":                               "ghcr.io/org/policies:latest",
		"localhost:5000/p@sha256:" + strings.Repeat("a", 64): "localhost:5000/p@sha256:" + strings.Repeat("a", 64),
	} {
		r, err := ocibundle.ParseRef(in)
		if err != nil || r.String() != want {
			t.Errorf("ParseRef(%q) = %v, %v; want %s", in, r, err, want)
		}
	}
	for _, in := range []string{"policies", "oci://", "ghcr.io/Org/p", "ghcr.io/p@sha256:12"} {
		if _, err := ocibundle.ParseRef(in); err == nil {
			t.Errorf("ParseRef(%q) accepted", in)
		}
	}
}

// Package registry starts a real OCI registry (the docker-registry of
// github.com/docker/distribution, Debian package docker-registry) on a
// loopback port for tests: no mock registries.
package registry

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/opencontainers/image-spec/specs-go"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
	"golang.org/x/crypto/bcrypt"
	"oras.land/oras-go/v2/content"
	"oras.land/oras-go/v2/errdef"
	"oras.land/oras-go/v2/registry/remote"
)

// Install says how to get the registry binary, for skip messages.
const Install = "make registry (apt-get install docker-registry), or set TENET_REGISTRY to a docker-registry binary"

// Registry is a running registry.
type Registry struct {
	// Host is the registry's host:port, e.g. 127.0.0.1:41234.
	Host string
	// Root is the storage directory: tests may tamper with the blobs
	// under Root/docker/registry/v2/blobs, as a compromised registry would.
	Root string
}

// Options configure the registry.
type Options struct {
	// Users, when set, turns on htpasswd basic authentication with these
	// user names and passwords.
	Users map[string]string
}

// Binary finds docker-registry: $TENET_REGISTRY, then PATH.
func Binary() (string, bool) {
	if p := os.Getenv("TENET_REGISTRY"); p != "" {
		return p, true
	}
	p, err := exec.LookPath("docker-registry")
	return p, err == nil
}

// Start runs a registry until the test ends; it skips the test when the
// binary is missing.
func Start(t testing.TB, opts Options) *Registry {
	t.Helper()
	bin, ok := Binary()
	if !ok {
		t.Skip("docker-registry is not installed: " + Install)
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "storage")
	auth := ""
	if len(opts.Users) > 0 {
		var htpasswd bytes.Buffer
		for user, pass := range opts.Users {
			// MinCost keeps the tests fast; the registry checks any cost.
			hash, err := bcrypt.GenerateFromPassword([]byte(pass), bcrypt.MinCost)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&htpasswd, "%s:%s\n", user, hash)
		}
		path := filepath.Join(dir, "htpasswd")
		if err := os.WriteFile(path, htpasswd.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		auth = fmt.Sprintf("auth:\n  htpasswd:\n    realm: tenet-test\n    path: %s\n", path)
	}
	// A free port can be taken between the probe and the registry's own
	// listen: try a few.
	var lastErr error
	for range 5 {
		host, err := freeAddr()
		if err != nil {
			t.Fatal(err)
		}
		config := fmt.Sprintf(`version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: %s
  delete:
    enabled: true
http:
  addr: %s
%s`, root, host, auth)
		cfgPath := filepath.Join(dir, "config.yml")
		if err := os.WriteFile(cfgPath, []byte(config), 0o600); err != nil {
			t.Fatal(err)
		}
		if lastErr = run(t, bin, cfgPath, host); lastErr == nil {
			return &Registry{Host: host, Root: root}
		}
	}
	t.Fatalf("start docker-registry: %v", lastErr)
	return nil
}

// run starts the registry and waits until /v2/ answers; it stops the
// registry when the test ends.
func run(t testing.TB, bin, cfgPath, host string) error {
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "serve", cfgPath)
	var logs syncBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		cancel()
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		cancel()
		<-exited
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case err := <-exited:
			cancel()
			return fmt.Errorf("docker-registry exited (%v): %s", err, logs.String())
		default:
		}
		if answers(host) {
			break
		}
		if time.Now().After(deadline) {
			stop()
			return fmt.Errorf("docker-registry did not answer on %s within 15s: %s", host, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Cleanup(func() {
		stop()
		if t.Failed() {
			t.Logf("docker-registry log:\n%s", logs.String())
		}
	})
	return nil
}

// answers tells whether the registry's API root responds (200, or 401
// with authentication on).
func answers(host string) bool {
	client := http.Client{Timeout: time.Second}
	resp, err := client.Get("http://" + host + "/v2/")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusUnauthorized
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// syncBuffer is a buffer the registry's output goroutines and the test
// can share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// BlobPath is where the registry stores the blob with this digest
// (sha256:<hex>) on disk.
func (r *Registry) BlobPath(digest string) string {
	hex := digest[len("sha256:"):]
	return filepath.Join(r.Root, "docker", "registry", "v2", "blobs", "sha256", hex[:2], hex, "data")
}

// Layer is a layer PushRaw pushes as it is, however wrong.
type Layer struct {
	MediaType, Title string
	Data             []byte
	// Size, when not zero, is the size the manifest declares instead of
	// len(Data).
	Size int64
}

// PushRaw pushes a hand-made manifest with these layers and an empty
// config of configType to ref (host/repo:tag on a loopback registry), as
// a hostile or foreign publisher could, and returns its digest.
func PushRaw(t testing.TB, ref, configType string, layers []Layer) string {
	t.Helper()
	ctx := context.Background()
	repo, err := remote.NewRepository(ref)
	if err != nil {
		t.Fatal(err)
	}
	repo.PlainHTTP = true
	var descs []ocispec.Descriptor
	for _, l := range layers {
		d := content.NewDescriptorFromBytes(l.MediaType, l.Data)
		if err := repo.Push(ctx, d, bytes.NewReader(l.Data)); err != nil && !errors.Is(err, errdef.ErrAlreadyExists) {
			t.Fatal(err)
		}
		if l.Size != 0 {
			d.Size = l.Size
		}
		if l.Title != "" {
			d.Annotations = map[string]string{ocispec.AnnotationTitle: l.Title}
		}
		descs = append(descs, d)
	}
	config := []byte("{}")
	cd := content.NewDescriptorFromBytes(configType, config)
	if err := repo.Push(ctx, cd, bytes.NewReader(config)); err != nil && !errors.Is(err, errdef.ErrAlreadyExists) {
		t.Fatal(err)
	}
	m, err := json.Marshal(ocispec.Manifest{Versioned: specs.Versioned{SchemaVersion: 2}, MediaType: ocispec.MediaTypeImageManifest, Config: cd, Layers: descs})
	if err != nil {
		t.Fatal(err)
	}
	md := content.NewDescriptorFromBytes(ocispec.MediaTypeImageManifest, m)
	if err := repo.PushReference(ctx, md, bytes.NewReader(m), repo.Reference.Reference); err != nil {
		t.Fatal(err)
	}
	return md.Digest.String()
}

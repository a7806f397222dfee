package ocibundle

import (
	"path/filepath"
	"testing"
)

// HTTPS unless asked otherwise, or for a loopback registry, which docker
// and conftest reach over plain HTTP too.
func TestTransportChoice(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.json")
	for ref, want := range map[string]bool{
		"ghcr.io/org/policies:v1":      false,
		"registry.lan:5000/p:v1":       false,
		"10.1.2.3:5000/p:v1":           false,
		"localhost.evil.example/p:v1":  false,
		"localhost:5000/p:v1":          true,
		"127.0.0.1:5000/p:v1":          true,
		"[::1]:5000/p:v1":              true,
		"oci://localhost/policies:dev": true,
	} {
		for _, plain := range []bool{false, true} {
			r, err := ParseRef(ref)
			if err != nil {
				t.Fatal(err)
			}
			repo, err := repository(r, Options{PlainHTTP: plain, DockerConfig: cfg})
			if err != nil {
				t.Fatal(err)
			}
			if repo.PlainHTTP != (want || plain) {
				t.Errorf("%s with PlainHTTP %v: plain HTTP = %v, want %v", ref, plain, repo.PlainHTTP, want || plain)
			}
		}
	}
}
